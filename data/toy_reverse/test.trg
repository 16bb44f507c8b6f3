d f h o t
t o g l j
a q g p q j g f s f
i b k l s b m g s k
r f n n j
j d s b t a t l i s d h
o e e c b s n q
p t o l s b o i f m o
i a e c p p
j f t
p i f i k h
f q f i s l t b q e
b l t l h m q h
t q f p g i h p b i j h
d q m n m o s t m o
o k p g l a d i l q
b h h q d
p j c p k a c
t f j
f d k p f d k n f f
i m i q i d o o b
r g e t f h s e i m
e k t t o
h p t m j h e
l t o n g c
n f e o s q p s h b
o f l e d d
k o j e e s
c g d m j q
b i f j o q
t g s r p s e g d n o p
o i k q e j r j f m e l
b n q c s k
r e d c g c i k e k a k
f j c e q k
m i r g g f
e g s j g j
s h n a g
e j t p r f d g o
g b k e i j i e
g t c s n n o k m j
e j a b i c o n
p k f o k o b t
s d k l m s t m t t q
n l d m t k a c
n c k
h d o g r i l f g m b l
g d q k c j f a h
f p d f r o j
e d f j e r o n p t f t
o t k o r p f s m k q l
c m l n i
o o c d r i
s s c n n j n c m s a
n r j h m i a m f t
q g a
f q f
j d r l c
c h t i r i n p p e s q
i j p e o i c g m k h n
a q g l e h
q j h b p m m s k
h a t a s i
n q e f q c e d g q g p
r b r g
k f s k t o d g b g m
o t b s q n k b r i
o b o l r n a l j
k r b r f n m r j p t
t h e g b e e a f
o t o l p d j h c n j c
q e g s b h d k t
m d k i d o
b s m a l l c f i c
l q q p m p h a b i f
m r c t m b g l b f h
o s k e
b f i l n d m i g q r
q f a j i h n i r
p r m s p l g
p k j s l
p h h d s p g h i p
h m o l r
b o j f i n o l k
c g p
q e p n g h f r r s e t
m d s d r h k
i t p b i o g f
i g a a n
j q f o h f b j s
m i s t t h i t f q j
m r a j o e m i i o m l
e a n i d t d s t l d
f t c o f e n b o
m r e j i
a n f n n i f c i
l p t h h
m s h t g t
p h g i r
b s e b i h q c e r
s p a k
r p h b s m j c h g
k t k
c d e e l h a a a
s l i n g c h a
q h d q n n
g h j j h s e h
j l s b f t q r f s
o r b j d c j k
s r i n k g
q n c t r b g
s k h o m o t j p
n h d q c p a j
b t p d m i h
l i s d t
p d e
p l r j p o
l h g f c s i l
q h k e h i
k p a d
t g s j
q p d p k
o e b s t a l l
o h l q p e s
j s n f e h q m r
t i f h g k g k h l
g m l s t
k m n g h a h
l l o p k t b p
d j l
s b p a o
t g o f k
q j j q m d c
q k f b a k
d r k n k r a
o s q
l n t e p h l
o b n e f o t i c
a i h h q b s g n l d j
o m m q n k e i
k t a a k r g l e c
p f o p i d t o
r c l r d l o j j i
h d k
o h j
p d t c
b j j b
m b e q k c h q a
p p t l m r t c p h
r l e h f m t f
d g e k t
g g q p k o
o b b g
q k l s d d s n
b s k m n h n f a k h
k t e c h p g
t c g m h
j e l g a m n r
i c r i o n j h f
h o g i j s g l l i
d m r r p f g e q h c s
d j h q a e f m
a e o s q r q o d f
o k c h l h
n n l
i o n r
i n r b
c s r n n k s g a q k o
a g i h l t d l n s p
i i i
m b a i f b h a h
h i g k
j n g
b q b s k m j b a
b i c d b q f o o i g
s j s c i
s b e f k h q p g l
t c t f l n i l i
b j o d s i c q l q s
n l g n a e o n p k p
i m t a t p b h s
g m t i p r h b p k j p
q i m n n t
r o l
h g m
t c t
l m b o p p j t d
s r s p t m f
t l b
e t m b i e e n t
o n k m j d a t
d r t l q r o q e k n n
m m l q p h
j m p d o i e
q h l p
b e d j d e
q s j
n t r l b s a s r b
a j f o p s g q m s
i q t a m q n c
