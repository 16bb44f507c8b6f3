n m s p q q q r k f s
t e r c b k l q i
s a g s l i c a r d e
n k n n h h s l f s l j
s h h l j p q o e
t g l h i k g e c
k l o l o k p
j o f s s s r
h t e
b b a e t p n a
i b e i r h b t q b i
r r k c
c g r a a f q b m m
p l c r k h n g h
l l b s p c
d g t e g g b q s
g g f c g l d c d h
t c c h o n p o n
a f i k c r l q q h s d
t i d c c n g l p n a
e p r e b n s
j r j o b g d a l b
p s n s o t e g o i e i
j r n a c
c p q
k d d n r c h t d f j p
o h b m i f s k o i c k
n k f h k i e b q c r b
o r m s b f o l h e j q
f g e h t c n n c
s h h q i j a p
c k a f e i s a n r o a
e e i a q g q k p t
e r r l l q b
f s p g e g f b
t t s i m p
j i j e a n c e f i e d
t s a c h l h f l j n n
g g t i b p o k
s t m r e
a n l l t a
f d o p e d b n g g
o q l
j b m b j k a t r h f
g f p g a
i g h r b s k q h
a a l g p b j g g p
h t q t q h
o i i d d r m
e d o r k p d o
t t b k h f l n h b
t g k e o o h l o h q d
s k j s j t c s k h a h
k p k
f a s f f p e f c m
h r g c j q s q n o g
e j s g g i g o c f g
r t j h c q f
b i n q p k b s j h g k
a g a
t s b q g h c i g b
n r a g a d
t c o a t b f e p l m l
k j k e o l t
b d f j
a i r a d r n j k n j
b i e f j
r n r
f c o q k d c
g h f c e j g o e
o o l j p c
i q l h m j r m l
j r p o f d o n b q o
k k i f m h g n c j c
r g o e c h
t k l d b d e r n j h m
m j l k h b c a r q
g d g d f r d h j k j o
d t k e a
a g r f o h
k i l l g q
o a d t
t p s r p k p q o t
e e p n l a g j q j o h
m c b i d m p
k a k i s c o m l s m
l r l a t r o d m m
o o i
l q f g m l l
q l j e k o p
o m d m q m
a p l e
d n e o t r s m s g o b
m d g k b t r j
n k e p b h c t
q b e
m c h h
i i m d q o n j j h s
c b b m h h h m
m g m o p e d b e
q h b o k t t b t l l
p p r c
q g d c l b
e f j b d n n
o b b
q o t r d d k h f n
m s j b e b p g k n j
p m f m g f
e f o q g b
i h n d n d
t o p q l m
s r d n k q a
p j j r d e b o r q
q s a h e n g
t q m i e q b d j a b
i k e r b t q i
f q q n s t p i n e o
h j t
o e g l
b a n n p f a t g s t l
g r c e t p s o
p d t f h
s k k l s p j j j b j e
r s r f f c g e g f
o l p h f m p i o
i k l e a q m m
b a l c
b e c i e h t q e c e
g a i j f k l f m r n d
f e o
o e l i e t
e j k p o q l t i k r o
l t d m
b p j l t e r d b g q
a m r t d g j b g n l
h i o g h g i k r
s q b c c p o b
i j k
e t g
t l k q f
a l m o d c a l l b
t o m p a l r b t a
r a f c
s m m q e m m b l g
e g n
b d b a a e d d l o
f l t j l
q j l e
t n j n g i
e a m d g q p q o a
c q r m k g r o b
a o d f i
s g d e d i a e o h o
b k b d q q r i e
o c a e n
d b f s
n f l b i i a t n
c e l t q o
n p k n b h i b t r c t
m m f a f q a o a k i
j e e m d a r f
l a a
q d e c i r p d l i
j b o b a c j n
h c h j o l j
m g g s
a p j n f
l k c j j s e j c
q g c k j a c m i c o
p j o e m m i
l p p p r
s c s j g h c g n q f h
m m k r a c
r f e
t q s o e l l d q
k q o
b k e f t h q k g m c
e p s n
g i p d o f a c o
q g s k m n
s e q t l m f e
t m o t a h m
j n h
k h m t g q a f h g g
j c h c
f p i n j l s m a j e
k f f p d o g m
k j j h o
i c m e b r p k j r h n
j k f q i q d j p
o n l j s n l t q l o
i h r c a p d a c q
m o d g j c s e e e
i p b l q n p o q
h b n h n q c q j
a c d j
i l l c d q p i
o j p o h h i j m e l
k t r
b c d j i r
