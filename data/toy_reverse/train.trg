p d i c s
a t n m a p d g m p
a r a a a k d s h i
h r p o h q a n g
d r n a j o h h
n q k d j
h p b s m q p s j j g
d q o c l r l f n
a p l m q
h q f f m s s t j b
r r g
o l s l q m
q e q m a t r
p n q g r s l p b n g
k t t r r a l n
i r c f s r f h a t
a c c
c j l f t d i h i a
i f q i f
j a d p p k o
t g q i d i g n k
q o f b e m a h a
s m a q h o q h r
c j b g e j b n
n f j j
q t f o s g s b r a e i
l g m
s n s g
p q j m d p
m t k
k e s k g f a
r p r l r m d i g
f f e c b c
j d k k l i q t k i g
d r s e p t
d k e e m c n b
s j l i c s h r s c m s
n c a t a j b d i o d
s h g b
m n d f h f o d f
a a b k g d k p i r j
c m k m o k t
d o t k
f i l p r t g
s c o c i c l h g j g
s k f k b j m h
t s t r d k h
h a h h
l j a a c c r i c
e f f q c k q d e p
t q d j k
t k b r e g e
o c i h b f r n j f g
k m a o r o r i r
s n a p i
s l b
i i e e s
f a p h c t f m s
k n h p p k h h o q k
j g q f l q c b h i t
c t o f l r j
m s q t
s g n i e
l m p
i d i c q b r f q
o c t e
o k f m n m
n d g p t
o q g a r m h i j d n r
i g r e j f g i h t a a
p l r f o i s
d a d j g m s g d
l q n j s l q c e j r a
s k m r j l o o d a k
g q t i a r g m m d
l g q t o f j n q t
h p c s t k m n s m a
c f i m e n a
o f p i o e j r n i l a
a o c l c n s d q i b
i m c f q
o l q c c i k h g q g j
r m h t l i r j f b r
h t i h k t i p f
k m t
e s o s f c g i h
d h m j l o e e f q o i
k m h d c j
q p b g a t b b f d
o p h m h d f t d i k o
g m s r o j h h f
a a b c g d s p k i
a a e f m g j s m k
o c e i m s b r e
b e q b r b a
e p a g c n d
h i i k m o g
n l f s s b
i c n r g r n r l b q r
q c b b n g b e d f i c
e o b r e b k d l q
j c k i c i q a o
i b m
h n d j d m i e
o e d p s m q k k g r
q m l g f j a r q s r
j b c s e l n d
q a q q k i l k j n k
k k k e
b e b s c m l o p i o c
o j m l l k s h i s p
f d e s h i e a f q r k
c i g d i r d b t
j p l s a n q f g c c q
o n h p t g
a g n i c p g r
b n s s q t m c p q m
j d r a j g a o
t n q r n q j r s r k
a i f r e s o q e j o j
c c a j m n l b s
o i m
p d o m k p l
e l i f a e n e
p g p k n i n j q i n j
d a h e g e c c n
c a f m d p e
d b l n r g r b t
d m c g b p f i i d n
m e d p t d m p q j
k t g r p j r n i q f g
h d j o r b i l a d
t r n g i e e n h i i
q t r
j p i i n
h p t l p g p
b e r o s f t f
e d k p p t k g e q k
b r c h i
a a k n j s q g s h d f
i k i h c h t
b s e i d e l k d a m q
q i h k j d c c
c a l
k d h l m
t e l d k q a
s p q t s c m
t b e r j h j m r
i r i a r i n g h f d
r r l r c l d m e p i
g e s c e e o j t a s
t d m o m e f j l k
r a t j i
r m e
t n a o
p d b o t m n l i
d b a
h t h p l s i r l q q e
d f l r
l n k
j l m n n t b
d k b e q t h o
f m g p a s d k p r f
l p o h k k h d h
e i p s d r m o n g
a d n m a
q m o f
o a i d q e e
f f n h r a m r h
s m f f r r c h
n g q
r t q g q b
d o m h
j a a h q b p d r c m b
q o r k r e t f n i
e l i p g m m f r
k l c t f i s
m l i i i
h i e e a o s
r g t r s c
c c g m o r e s h
n m m a b
r r e t s
j e m h
e j h f l m
o g j q c j r p
s t j
i o l t
q g h s n d d e f k b b
g d a i s e q m g d m
n h q r f b i h t r p m
f e d p i m n
c d h k r m g p b o a
g o n
m q g q t
t b o b k c s l h g l
s b p j e
l i m j s q m c m s c
t e k s j n a p r b
d s s a q m n l t c i r
a q s
r l k k
c s l
l k f a r q k o r c
m d s e s e
b l t i k l n q
r m i h
n i f c c t s
i r j e
q b p i d g
j k k r c r g
b r f n k a b l o b e
i d q s e s d h g f n q
a a h l t k o l b g
f q c h a b r i f b
g g q
t g c m k l q p h j
n s j t g
k k s n t s d a p a l p
p q g n
q i f p t o s t p q r s
j i i r t m s
o b t
n m e k p g o q h l
a l d
k k a m j b r
c d k c g b s
h k t n j
s q f
g c o q n m j j
m m h h h t b t h
j a l j e t
p q k r n l a e f p
a n i r j s d t
i t h q d p c
f q q q t d b h l
a g c b j
c a n
r b a
g p g r a t a k
f h i q r s j
b o r h b m
c q f s a d n k
d j f h g
c e k
g o c s b l j b h e
d b g b d f
q i j h
t o l l k g i b h
d t f k p h n c m
k j r i n c
q p m k l l o n
j e l
e r e s j
c f e e o
r e n c j p i f k l h i
r p f c k e d o
l g b
m f d k l q l q
g t i
k j h
h e d g a s j h b l h m
s j c h f e i q
q f p q s o n r t r q
e e h g i c n g
b f l p f a
t g o c g h t c
b r p k g a s f
r p l
t j s k q c p e
c i c n k p c s
j i i k h k f a
t n n d b j f j a n
j s p s l i
m g s q l m d l e k f i
q q b c c h b h p e
m a m p s f q k p s
h o l l b l s s f o r
s l b o e f g l o c j
t h s a p p s f
q f o
e i k d o m
q t f e k
r q o o n r h
g s j q t q f
q m n d k a e
o r o o t
e m r d d c b g
s g s b s q o p f m
r a f i t f l j m p
h r c
o n i o b m d k o k
p t n r m f d q
e o g h g t e l e k e
o b n d
m i k r l
o p m
d f j k m s j
k k r d r d o e o f
m p k o s r k s k r
b t k b h t g r h f g
n t t l l l a n
f m m k h j
t l m
l a n d j g m k t c h h
r d e n
k n m e k
o d e f r f f g g i q
f l a e t k t k e n e q
c b p s p h
g e s p r
q a p m c l i e
c g q i b j a g h g
d k m d
n m l l n e i p q s
a h h e c g g r l
d s o t o m
a q f
n i n
s k n l h
e o q
l a e n d h d l b s l
a p a j e
e d q t r p c n s c
d o k p m q h n r t m
l t s g
g d l d
q a c s
r n s b t p j c h
p t i a t b m
f q i b r o p k i h
r n m q k f s s j o
j i l d p e c a j h p m
k s p o b o e q d e j
a j o c t i g r a e l
k d d m s a q
f g b s k q p t c o s t
b d t
g j q r
c g h e r
t c h s j e t i n s l
n p j t n a b
q l l n n b g f c
l b h h f
h g k o
a t p d m q e
r o m b m e g j i j
p h e
g n t j
t l p f d s p h h d k
m j b e n e m a n r m n
k d q i n t p i t g d n
r a i r r
d i o l
s p a m n c e
q h p m r
n b m
c c b l b t j c o b h c
l j s
f k l t p r c
j g h h t k h q
i p a s j k r
m i c f h e
k c t r f e
h j d m g o b f g
h c c c k o q
o r o q
o f t
t q g j h a g d r
a b j i l i j
g b o
d j o k
t e g a g d
c e h a r f p h r a o a
s k e
g i r q
q m m r i l i r a
g t e m s p f c i o r
s n b m k h e k b q a
i r m r n r e b c q
r g i s a q j m j g g b
a j m b f p g c h f r
p n s b d
m d o s g
p p q k e c
h s m l m i o h s n l
s n a c l t f d t
b k c q l o h d o b
f s e k t q s
d i q a m p h o j
f q k c s a i
m l o f c j
i a b b c s p s d p
f j i
a b l h h k o a k t p
f b m c h f e m g q
n b f q t r o a
t b g o q i
a s k o i n q m n
n f n p
t q q q r
l j p n i
h q r r l h j m r m
s i f m i c a
e h d p f a p
c f b m
a o r o
q b i
j m m k k d o t l g
l r o h
l k b e f i s n n
g r d e f s k s c
m e f j g f q t l h
e h l a c r b l p
n i s q o m
c f p r e b t s c k p k
f a c
i i q r m o g
m a t e k c h o m d m
a l j
n d o s b m k r a s k o
f l n t r a a s d
p s f n t q j e b
s r m b i t s
q e r s m o f k e
m t s t
m i f j b p m
e o d d a i d
d s b d d c h b h h
e n i
r f h t t m b d
b c q k f s q m t l f p
d j s
o i t s j r i b a c
o l a q q e j h d
d i e n
t h r e t k g i
l p h
o t n k n
j q b i
q p a i l m h h g g k
i q c p n
m n d h
f g q o d
s i l k l i
t p i h a
l l n c h i g f a k a
k s k m a d
c t l i t m i s k
q t d a j l p t h
h t f
g s e m c a t m n j o
b r j g p f n d p m
e p j q i e j
s q j b i g k q k
k i j f i j p
f p o m i
b j q b k g s c b
l t h l a e k t d
i f a o a k b c q h n
j m d r m p b b f j n g
g t p s s n k h b
g m n c p q h f m k c q
t f c i b j a
p b j d j n o
b e g r i
d k m a j q s a r
m s f c g t f
b f t n q a a m h a s
r r o t c h f g n
j h m i t q g i
d a r g h q i s l i e i
b f h k f i
n p e b b m i g i i m h
i j g t l m l
m e l s e t p
c i c
n p t a k i b j o g
d j m n g p t l n
s l k f
h d g t n b m d m
o q k l d t h e f m
b f s p m
g j l a a r i d e h g
e e j
i n s f
n t f g c
c t f p r m
r e t t g h e c g h
i q l c l s c
s r n p s
r o h l n n d s r e h
f o t l b b f s k
j r p r g o e l l s
j g q n h c d j h t e g
a n g t j j b g m b
a f m b q f d h n k
q h m n t a n r l p p
g b r
i e e o f o e b
q b g l p m c d q c m
j k q g h f g p h
b a s d j g h q s t
e b r e n c r o f q c k
l m c o m g o l
s g j
j f j m o d a l
a b b g k k
i b k o t
m b p i l n e a h c i q
h h n j
c l e p e a a i s n s
e e g k t e m e e r r h
o c a e a l i i t b e d
j l o l n m e j m
c a b p b h j a i f
f i t s h m t m e h a o
d c l k c f
f l s n c o r r k g h
p f l d t
k s l m k i c c g n o c
p q l n g c t t q
e n j h a k o d
s f b t q i
r f d s i d b
j q l p e b n o h s
c p n h q e n s c
q h h l a g g b f q r l
e b r q h a h f n r n
i d e k l h i r e a c
j k b o b r b t l
s d j p m j m
c n d
g c p h a d
q s r o o j j g
j c a c m o
p h h o m m t f n j g o
p i j
b n g m o g d s d l
e q l n m
s b f q
p j j o r q
l s n o a
t i p s o g i g l
q j o k d c o i j
i f e h k q
e h m n a n
t o f c
d e j a i m t j h
q f d e b r n j j
b o j b j k l b d n
q j f i i g r j
k k m e e b c r
n a s t r a i a j f
m a s s d d m q t a o
s l g p
r p n
q n i p p e a g
q r o n
c g l e n b c
f k t g d k t s d l
r j g c k
f p q q l m o q o s p c
e f j f a
p c e o h e
p i p n q r n t m m r
t i b m g
o m e g o
e h l
c t e k p s s
g b i r e c c a a c c m
d l c n f g l i k
t n e b a d q k o
a q o f c g
j b b o e j j t
e a k t a
g p p s i h d
h a j e
o t s h f
l s g a
h j c d i
j d r j e j e r j
p j a p m a d m o g d
e h r q g r p g f l
c l d h b h p l g
k n g
g b l o t t o o o
d k g n d q e
m g h
h a h l j j
d o p m s e l a d f j i
f h c b l t
l s m m e n
s o r b
j m d a l k l j
k p b i p q b
m b q f h q r s o
n f t d g k g
s i h i c e t i s
j e a n o
d m b q p q o b n e e
a n n r d o n
a q k i j b t
d k g b r
c e q n j
j k t m o e l n c q p
l t t g c a e q c r
i j l c b n e f e q
k l o p m n j l
j b t p s n i i p e e n
c k h e p e o e p l p
a t h i j n n f l s s
p i n b o m p i c l
q p e k d d m g e k e
p i k m g b e p e q
k s a g c n b
d i k o l n j h j
a i t d s g j b
i r j o m d k
a k o m d b p e
h l j f p g e k e h
o i o t b t
d k b l h c n n l p
p p i c g e k p r
s d r i t p c r o k
d m e c n
c d d t r a e g r
n c m n l r s d
t o e t r t m o n j
b f d b i e i k d m
b k k
n a t o n
m p q h e a b m d m s
r e s s e t j e
a g h s e
n p l o r p
q d k q a t i m h n a
s o q e i n
o q n l o m l c d i l
l a d h k p b a r m
h d p f
p i f c o
o r r o j b h f
i c j f g g e p j a h j
o f j s m
f t r a h l t l c
e a i k k e m j e t
o b b a g i
g e t c d q h
o f f n a
e s j l q t o b
d k q h p o d h b q t
a a d i n i e
a b b f k b f q
k p t p j a h
o m o g l e l c l f g c
c h d h h c s t
l t s d c l q
n f d j j r
c n c g e o
p s q t i j h s e
k s g m p o l d d
b t g k i
s k p l g e d k i
e o b
k d j e t i i g q p
g n d g k k
m e m a m c r q e
h q c e t m q t
r i k m p p
i q q
m q m
n d i t f
p b m p
k h c s
m h e n h i l k t
b n g d f k s e s g h b
o h c m l h n l l r k
q o c l l
q a i e o o c i m
a q o k o l h n
l i h d h
b l l o f s
r l l r m
g j i r d b c o i q j n
q m n c i h g s r
g h n c p t j
h k c b c r s l q d
e b c p c e o b g c
d r i t a j p n p e
m a e r r h b l t r r c
m k e
i m c p n g k j o t c
h j d
o q n c h c s c m a m s
d r e l t p p e b q j
o s p a r i
i o m k e
h h r g a c s t m l s o
f q g h k h a c d r n l
l n l k s i j b f q c
f e p s t a
h g n g l i a f a
a s f b m s n g s
m r e j b d
j f o c p e q f f s f l
g h b s h o l
n p l h i n h
h b k q q o
c r d n e r
m b g d o t m q n
t q q n g r
n f k l q j m d l p t
b i p h n i c h c g h
e h j b g n o m l
s t j r k
b k m o h i k l j n
n a i m o q e l h e d g
t m g m g c k e
s q m d m e d g o c r
a f c r p o
g g m p e o s b
b n q q p r f i p g k b
c n j a g
e q j m a
o j h q j f e
m b m l k m t g b g q g
l e p f
l l l o p b f
r j i h c n h e r g r q
f m n a e p p a o k
h a m s g m r
e f k q b c j o l k
h p l
h d f m h n o o p a b b
j n g d a h j
r s j k i e o d j i
h q q o i g j b
d o k
b i l n
m k l j q
t f k o b
m r n t f p
o t c j
c e p n s
p r r
s i o s n j r b h e r t
n f b s l q k r
t c h i l p
f p p j b q j
g r q s
q s s
e f s h t r c j
b g a f o t g k t
l m c
d m b h b n a f g
k d q m e t r l
m s t n c r m h o a
j q l
b b l m p m
p e g k e f s n t
b e m c l l l a k
b k i j b
k h e e
e l n g o f
d f s a o f s
j n e
r p i n r q q t c b g
b h j d k s c t s o
e m m f g d
t a l o m d e s p g r h
c p t q f j t h b p
k b r e j q i c
f e q e
a r t
l r c
l i a s o o c r q b
g m s a s f f c l c
f r t d t p q l d p e h
s o r k s d t c j d j
i s j e s o r o q j o j
m s b j
d i k s p
b i e m c s r m h h n j
e d m i c k h
q c n o k p
e e t t i s s m g n b o
k o q l a o b a b
g g t o g
t t c j f i i o k
d p d h r s s p t q c
q h s m q k d f r q
c d h o
n h m t k a j q s i
p c o s q
m d c r s r n
c b m i
m m i b m f p p m c l
g m p c e r h a o
m m g o
f t e n p b a i a
b r c j m q
b j s j b j f o e
o i p m t f c p b j k q
j b n
k g l
d b c e h
s s p k j
n d r e q h m r s m a p
r m n k r s t a r h m
d s d f n e
s f q p p l f
t h k q c i h
j h t e l o b e f i h
p o n
m r f
h n c l q l f i j k
b j r l c h l d
g d o f s a a d m a q l
d t o f m e q c
f f m c e d e l f p i
a g t b d j
m t l k e j m t g o a g
k g t t
g o n
h o i q a
e t g c
a q q l r h
h h q p e n f d b o g q
r f l
l i h r n
f r j k b r d h s j g r
t j r k n
a h r
p m o d m g b p
c a i t i f g d o g r
r p g s i k q g a
m q m b o
p r o g h l j b b
i f h n j k d g r b
h p o n q n l d l s r i
o t q f
t l s p g i m m c d b o
i m p h a s d q r
s j f f l g b d m f c i
j n a h
k t e s e
f g t b t j g p k d g
s s k d n g g q
m r m j q a f
f o t i i e k k c
j i f r d o c p m g
d r g t e l g j j
k c s e h r r i g
b i o
b h t
q b t g g f f c
k d h q h r b p n a q t
o a l j m t q b f
b n f l p p o m
r m g p e m a b s i k
g a s o n f t b q h f o
m t s
e a m q
k m d g k m
g c t
q j n j s n b l
a e s q f
q j r f n a d o h g n a
r d d k j g m s t f
m r b p
k s b i o d b r
d s d r j e b o j e
c q n n
q t p p s f s r l
e g r s g h o o j
o a i
c q f c e j r j g f
n g f n f
a k n h r e k
t h d b j f
a s n
h m l e n o r a t f b
b j b q j a j q d i r p
q d l l
p i h l k i r b b i
t f p m n h c
m m q c q o h n o
o e b e t g
i a j k h i d l
h e n i a c k i o
g d g d h f r h a m t l
o a e k n b
t s m c l g b d b t b g
j t f j m k
m d h h l s i
q t l j l
j h r l q k n c b q b l
e t d r e f k r q m j
t q i n n j
a n r o b o o j
j l o l h d c f q t j d
k p e d i
m c q o p f d b b l h
c e s
g h t h o t a
s e m s r
a l b l f
q b b i m e o b c o
t h f
s b f j s d q
d i e p
a s l o s k h h e k c
f r j t l r a f r s i c
f r p
l p p n r l q s
s t b g k h d c d
h l s
k d c l s i s n b b m n
f f o m l
t c f g f q a g p
o h n i m b i o g c a t
g g g c
p n f
q c l l m c n g f k
h g a l l i g a r q
g b r d o o t l k
j d j b h i n c
s h f p o c j c q l n e
g a r
n m s c t k
r e g l q j o m k s m
b f m l p d r
e m b p
n s l m q g r m c q f e
s h i s n
e i q j j a q t
b c d i b o
o p e p
g q e b o j b f n b h m
a m a e g f
k r k k e k l l t
f o k
d p a a
d t n q t m
r b g o b n q
c n j
g e i t b m s l
b o f
a r a c o f q b r d n s
q b r a h
g c h g f k l p d n t h
e g c c j
h l i o
c n h s f
a i b r b f r q
s q q k l d s g n p s
d n t q k q p j j s f i
j c c
n q o s r e c s k l m n
f j k n i r
o d d
d i l p
c q o r q f d m
h p h r d d k d s k
t r j k n a b f b k
f b g c e l
f q m g f g i n
t t e o h
f g h j t s r k f k s j
l b n a e e b
l i c f l r f g n e
o b p t e j q b
l g a a b a a c t
g j h b b o
k d s e g r l g s g f
r a p o r
d e n l l s k o a c
c f k o
j i j e t a o q a
b p p
a q r m d h b n t p a e
n t g a l i m q h a a j
t r e b q o
t p b d m d b
c o r d b f i p d e
p f r o k
f a q j f p j i
d j d c m d
k d o d l f h
t o d t q c n s o c r
a k m d m m p o m i
a n p f
k t q m
a q a
n g t q c n j o f q
d r q s a m n p
g i e r m
b j a p t f d r k e
f i k j l i n f p i d
g d i f t d r t t g s
s q e
f t n n f h r r d r
k a k
b s h l e
s i j p h g s k f
e o h s c f h p q s q
p t b r b b d a f
j c d p m i j i p a
d g j c e q h g n
d d f l l h e i
t k b c h j
k j k o o c t l g
j n g h a a f e c q a
a q q m d
k m l i h k g k f g c g
d g o
m o p h k k g m m e
p l o
j p p s t m o b
h o q
g o f j
s g a m j r f
b r s b m c i r i j a p
p j k m g p
n h h r p m m f t i i q
g p b d g l g a b m c o
b k f
e b i f s c q n g g i
r s b
s m f e k f
k s a
n a q i f c o p c g a
d k f g s r s
r h g g i a d q s g j j
d p t m k p
p k a b p i o c
e r h
h d m
l t j
e i i d
n b p e t r
n k o b p j n k a a
l i f
r m k t e c
g n g t e p l k q j s
a a f c
c s q o
f f r q l
s e m l p a d o c
r q g k m h t e
s g o j
m b g r p g f b i e
e a c g h n q p
l d c q d m i p g t
i n j n g
i n k m l g b b n m h
n q l s l l n e f m
k d l
l t g
r p j s r
f a l l n
r o p l t
o h n a k d
d o g r c i n
s r a
g k p t b h
e d i j a d
o c j q b k n o
q g s s s f
r d i j p s s
j n f t q f f
h k r r f n f h m
d h c c j e
t d b m m e a
m o e
t h s h p f h
e j s s o n q
r r i q a s e r e b e
t r p l b
f g f k h
f i o m h k q b g e h p
j b c b
g i g h l l t j d b
b l k i k
o m f g
l m m o a t
m b c i a t t p
a j c t g j f m l
i p t r g m a o b
h g t
k i h k t
a j m
o t m a h f d a n a
s n g g c
n k l i t e d g h c l l
i h o c h l n
k t q
l g l j s l
o g m c n i r r
c m q e j b a o p k g g
p m k k e s r
j b r t t l s m h h i e
n m b a p p e a l q
n l n g
n d f g q f p c n m
e l t l s m f h
p n s g c c h r i h f
c h k
g s s l h p f k c
r i d a d o f
n a h o g j d
o o o k
d d m m s c t m i n h
e g g p p m l l
k p f s a d
i e r t g c j
k n q j s d
e k r g k h q o q e l r
o q b l n b a b j m e
e a c p i k m m r j q o
e g k m b b l c
j m i g h a k j h
q o o o a i o t p m
o s f f n l t g t
k c o b l d g a q t l
h l q c
l h e k
b s m q h i
p i i
d i n p
l p l
o r c l s f m n g i t
f l m k g l p
e d a k f h e r i l
e m b q r e
a d o p k
j i q c e t c m e
o s d k s
q g a q
d r a s a g d o
t t r f r n a
f g g s a b f
d j b l
q a e h s n f h b a g f
k s l r o i p e b p
d g k g a p p o l h n o
n o h r i f b o
s q b s f
m q q i i r j p
s i j k h q
p c t t h i m s
r f s r l
l e h g q r c k l p o c
s g f f r q q r
g n s b r g
p r n h e f k a k n
d s d d q
f o t
a e c r
o p t o p o l g i
c k m i m s o c k k d i
t f f e a i e
e q t l j f m h d
m g d a h l m t d
l l s a
q h o g g f t e d
m h p i o
f d a
k k h
b e p n
e p k r g l s
h t a p l a j
p f j r r b
a s f d g c r
e h f g b e q e
q j s h h r
q m m f e s s m e s h n
r e q s d
k c p h p f
o e p
d m m r q
t g f
e n c o p b b i m t i h
g e h a i a a t g
a t m l i g q f i s
p g d j a j n r c
f t h l
m t p i e r f b s m m a
h t o l d
m g o o f f t
o f n g
e b c
q m t g n
m s n k
m i k b b n g
p f b c b e s k c j
m g i p d o b n
d m l h n
g s b i c b h k m t
t c j c b g t r g
e a q
h o a r g h h b b f
b n l r q b l e h
i p g m s p h a
s a d j l
i f e d s s t m r m r
e b o c m g j b
o e e
k e s f e
h t b d f b d i l d t h
r e j
b o f
t p k b b c f d a
j h h t r q d r p i
f e m g o p s j a p n
a p g k c
k q a k
f o n f k g l q t g e h
t l d l g i j l l
q f i e s
f k p i i g o h h s i
j n m t q a a j
t s s c d s e e
l h f d
n l h
s o l r a m o i r
n d j o l d s l c
t l g e o n p
f b k q e m
t f n p k p a g t c d
o a b a c j b h
d k t k k t
t c r i j
n j b j s f k p k
t r r
i o s r d e
b m n o n l d d
m l n p j h m g d a k r
e c p j p j s c n o
f m q d
s n h a q n c f
g b o c q
p f p a h e d k
o i s t i s g
c k j
g l a l p o l b p o
n n j c c
p c h m d i q i
l r q r f
o l o f c j
k a i j b m
g j m t j
g g o i j p l
d r a b m j
r q h b c h l m
i i b j r k k n
q b i t r b m s t m
o k g m b i
f g q r d j m
g b k f k b r n a i o
s f n l c r p h p
r g d e d b g c k d l
e o a j m o e t
b c m o p o r p
l b d l a n p k e l r
m q j m b g
g b e
o l k t m s
a d a b e c s c d b b l
o o g h q r h s k
s i k i h j g j b a m o
h s e n s f n g r i c l
p q d s n c m k a
i s j f c p
r m i h j d m t r h l k
c c j h g r f g g r i o
e e g l s g h
o p g g e s q c o
q g b b k
o t e s g
o k s
a c i m c g
d i p p j k f q
i n h j c n g q l j
i g s g
r h l d k p a a l
n b d d
k f l b t s b
n d m b q q b o a k
o m h m j e d n m l d
p b d h b d f n p r m s
o n b s p s h f
h p t g f i s s
d q n d b f f d g k
c m h m t t
a o d t n r o o l
t s b k n o b m b b n
k e c s s f p n i p
h b h m
g q g o l g j t
n n i d
d a h i i e h
e q k
k t o t
f h j f f j n j h t c i
a l p o h
c q l p a p k h l b m k
c o b e
p m l q i e h i
g n r k p
g a c r o m s
p t p t f b c t
f q a h o l p n h
d h s f o
b q m
s e g s e k
h r r l p i o e c
i l f
l g h h e p q c k q e
t k d k t t
l o e i q
t n i q o b m
g q b b h j l b
r d s p l d g
l g g
h h o d f t h g d
b j r g p c f b l a l a
e q f h t a o
d c t k o p f s l
b g n n o g d l b m t s
o k b g j k l b l h e m
b n b p a j
b i q n j n j r
j g k b d d g b g
a s t c d k b p s
i d f n e b l r
n k j n n s g a e
e d t i r
c o b
j a f h p f r t j i r
t c r l a q f s b d i
n f q a q e q l a t s s
k f a c c q n a o
e q h g a o a h f j m
b c p k d j c g j t c b
e m j d r r e f a n r a
j e f m j
j q i p t t m q
p n n m f i l a a j
o d b h o h h r b q
m m k n r l b i l r n n
b p s
m a j k s
c m q n
q r b c c k
c k j
t r i f a d c
b q q
n m n n t i a g s f k
g c f p f t
h p f q s o h g r a q h
o s c g o k l f c o q
s b t b
d f h l k e j d
e c g k
d p f o p h d f
l q d p
b o k q l b l k n
j f d e f
s k s a l t h h
q s l c c
m b n o c l o p
m h k b j r
n p m
e c i s m g o
k p h
q g q a f e j c
r h l i j k i d p i b
i s r c o t
b e j d k d e r e
h f n a s
e o i g
s e i c m a j l n f
k e a i c f l f j a
g i o g d e r q
n c c q g o
d i s p f o r t n
c l j l d j
d k g
i l e n n h g r m m o g
k f s p l m b d
j h o t
g g e m m r s t s r n
e l f
q i b b a c k
s q k h r g
s l i d g d j c g
g c n l a k g c i e r
o f o m a q h r j o a b
h o b r p t p j e a b
b a e n a c
i g l d e r a h c k i
g s m f k r e t o f
f f e o o i t
t f k n p
r m a r i
b i r d l r f
s a c a n
l a b f e t l n r o a
c g s s h i a e e d b c
r i g q m p l n
k d g m h n
l r k h m
k f g
l r f a d o t
m g d f i f
b t h o q p j c g j n
o k k e s m k
e e o d q
e f m
b d g r
i d a l h c j l m r h p
k p n f j r j
o r c l n g m r i
d e j a l m j
b t e k s q h h
h t b m q i s f
n a b t q k k
b d j s e d a
g g b p p t b
l i l
h g s e e s b p k k h
b b c
l g g f n l
m r k n a h
j o d e k
m m l s k g d t m
k f f k d p b p c j
t c m l t f f s e
l p e t t t
t e m b p j f
a d h n l d s t k j
r a q d g t p t k d
f g t n k g n
f d n p b
c b s
l c p l b q g l n s
i q c h m
n k h n i q e n s b s
p r l g d r
j t m o n m h d m k f
c r a k g
p b n k
r i l m j t p h o a d q
r d d r b r
t g d c b n j f c b d
g g f a o
h a q l a f
f e t
g e n h
p g b j j l c b
b q c
d d g p
o n b
a r a b
e k k r d b l f j i d i
d d o c t r i r c n r
b c b
r r j n g
i t c q c j
d l a h n n i t p o j
o e q e t
n a t a t
a a a j s t p q k
g p h e
g d i c
r e k e j
h p m s d
r h o
p t a j l g j g s p q
t s f m o i e i s m f
n j o
g m t r f m n n s
h k s q o c
m t g a m d d j c
j o j q d m h c i m o
h k l h o q n
b j k p d q i a
m r i
h j k a i k c s f
l q g p i k l q o m d
r n m
q o o t k d a p
a g e i
c t a b r a e c a r
s e a f g a n l m p
a h g g
m g p q m n e s h k
n a l f h j q
c n f l l d l
g b h h
g p b g t k e
m q b p c a i r q a h d
s m m n
r e q i o k l p
g c e n d
s f k b o q j s n
t o i m k s
k e h m r
i k k g s e j p a m h g
c q a
r s q f s m
h g q
a b k n k q
j b m a p h f k k o t
e t p n a m e e j a n
k c n p k d
n s d n t g c g
n t h t p o n n m q e
h l f k n i h l k a c h
e f f p e s
p k l m b r
g e d q h o n p h l l
k e h s t
p m o a g d o o o
f s c o t s
j j o f f j t m b j
j p p
f r p c c k p r
t a k m i e i k g n
l o r o
i a e a b a d j m j
n s n p b
n a s t e g q m
g p e g h h m q
g t n b j n a f c f b k
s q t q a p
n p a k d h t
r e f f o h
j h d l o
l t m i q n e m a o n n
d k d s t p n
f q q j e
t n p o
m p r q
h p i j o p o j j l m
r d j n r r q g
p m k
k o d c
c c p g l c m
d p o g b m d j k l
b n e p d h l
d b a
a s i d g d t
g t f e o f t j c q r q
c c t o s m
i b i l p
q r q f q t
n n r f o
s j a h s
f b t
d g o r g t q e o
a j i d r
m a a k b q q j k l s
p e g a s g m t t f
n m l
t q f f p
g r t d o
a i s
t n p s l n k c
t s q p p j c
p g d b m r e j j o h o
k e f j n a
s l h
d t b n k i d s
c h l g a m s s f h s
a r n e p t q t g r g
o d k n p e d n
k m e k j a l o a i n
p o q a r b m q k c p
d k d s h
b e i l h e
d i a q c n i j j
p d b i g t b
g o o a h a
h s i h d e l b q l e p
f o r b
o f a e
l q j j r m j c m b a e
i a b h
o l i s
s q t t r g b r g f i q
i h d l j h r m i
t m n p
q h n i o s l r
c e f f f s t s
p g k d c n g g
f h l s m i q f m
e m r c m m n d d
e r e i m f g c o c f
b f h l d e i t k k r
q a r f g e f
t p f k q g k j r b o
a i q l h n b q g
r p b t j p b h d s l
j i b l q r m q m
j i s p f j s g a g o
k e c s q q j o r s j l
r j q h a e k
s r r d c
c o o k t g j g f n f o
m i k g k c f i
s n s g m q s g
j i m a k d q l
h o k b k p e f q j
m t h h f t r o b
a l h e
m a f r p e q o o
c j m b a p r
n f a f h r b e f
j a c k r a i e
h h l r k e
d b j k j
f h p p c p b j
p s q c p f k i
f o b h b m d f
l t b l q s b h b q s
h d q e k b n j h h e r
t q p q i h e l c s h
g e d t k t n o k e a j
t n o d n l o o f s l
d m l a b q t
a s d b f l
b d d m i f o h r a p
n b k e o o g q h k r d
e k d h
c f j d h c i b p
g b q
s h o r r n s c
i b j a
j l o h
k l c q i t q s p s i j
o m e c b f a s c
h k b s e h d h
e g d q i b k n d
n i m
f o c l l q a s i e r f
t j l p l c g o k i i m
s d n a j
s q o t
c p i g o q i q i g
i k h r f
r e e q c
k o k g k a e e a
m h t j t c o h h s c p
m r j
t q a n
h n m t m g i b i a r j
t g g k d a c h
n q j l o
d b t r n t a n
k q e k q t b c a o p m
g k r b p
h r t e
s q l r m o c f
i q g e o j r j
b h q c i r k k
j m n b
n p j
h p d r p p q p
e i l q
s i p i i n m c i
p f c l k l
q g c m j k k a
a q d q m s p o
t f f j g b c k g q g g
r a h b i e a
e o h j t c c
i c j q a a c d d m
c r d k q p i s k d s o
p p h
q a l p s m
r t f s i g r i
e n m d q h i a t j g
e s j o g l
n c q d n a t o m o t r
r t h e q s m a
t c r j
t m s
q k c k e c p r t m l
s q f r i
i t e a h
c h k e l r l a h
n g p m o
b d r h l d n n j
p f g f h g n s p i
a o n d r j m c f t p
r e a m h l t
c l c f l l n k b t
j e b
m r e g g
e e l m s c n q k
q o k h
h j i f f e q h l
s e l f e p
j i b e j o t
j c e k s d h
m b j b a o n k k p i j
p d m p n d j q e
o n s c
e i a i t r h
j n f o j e o
p a m d h f g
e l o n r f e l h j m e
t e k n o r t n i j p
m h k d j t q a
t j h
f p m f k
d p g o
p l t c
p r c p m g f l n o r k
e l l c n k a r
m g q i
s q k j r
p l g c s
m b t b
s q p q i
o d e r m
g e o c b
b t p s o o i j f c f
j m b l o h i p e k j p
o h p k s m q
s h e h l i
e r j e p
o k k n a n q j f s q l
b c j q t j i
o s e l f q p k c p d q
a i f d e b t e i c e
r r b t s
r g f
n h k e m i
d q s k f d g j p b s o
i f a l c f e c l k m d
e n k r
f h p d p
g a q r k e d g m
s e j r
s b o m r q
k i g r e o q m m m s
s q b q m k b
i s n a f a e g h d
f m s t b d a
h l p f i j f p n a i
l i b o g k h
n r o a p k f n g g
j s o f k r g
c b g g n
a g h n l f
d e q t q j b s q l
d o n f c q
e s i s q k n b j q a k
t p p r e e k l f
l e t k m o i f m
d a e t
c o b m a s a g j i h
d q c f f d t r j e
p a q e
t f s p k a q a e t l d
k f i d p
b i f p a d q h
j f i l k j k i r s d r
r c j o a o c l g m m t
a o h o o g i q i
o h i n g b b i j
i f i a q j n k
f e c
c d k t m i j d t s
t k t t t r h d c l e d
e h d q e c e l h g b t
d q l m i p
c f q i g g a s
h d b t i j m e a d
g f p a k t a
e o o e n
m l s e t b b d
c l k k
r e i
n o h e k e c r i i
s h a h m r p i h c r t
d m i a a d b k n
e t t p q c n g
l r t r d b
f a o a k j p d
r s b
i s r
b r n b s f
q d m r m a g r t k j
q t t
m e a o l g a s l
e o b j d g t a k d m p
o r r
p r m f
p c k h e s j m f k h j
o h h h n m d
p t o t m k
a l r r e c
h d b s g
q k o
p k l s g a g
r c m g a n n d b q d l
e b f s d i c g d n o
g j g r d s
m f i t n t s
f f h b d m l a
o e l q e q j
o t a p k f i h p l
q s q a f k r n e
f h d e d b a g c
f q k l f b i b i t n
o j p j s l c q b e k p
p g e t t c
f d q b t s j
n m s i a g e j
j b o g m e m o
h o m g s b i
e e d p a b k r e i h
j i q
t a q
d c g e q n l d s m g t
f a b d g q a q c o t o
a j t n j t p t i p
m c a f l k q h i p l m
f n h k h m o i
o d s f
a g k a e
t f b t r g c
c l k p k a t i
d r j c h b k f s q i l
h f s h g n s g l p
e q g h l t g s b g
r a c i a s
g n d r f i c a a q l s
n n b t j q m
e i q t o
o c i
f g d i m n
j d h c s f a c
q l g g a k c d
i j m
d g r a p p m t b e
k r e s d h p f e o i
r f n n n j
q s o e f g a m a h
g q f r o j
q a c q q f f
s n t i q j f a i
l q b l
k b c n l o l o d
g a t o s q a e e h j f
o g m i d t d p f
j n m n
h p b l d s r s m o
n m d t m m d g
l b n c b f
t m e e e q e c f
m m m p b i l s o p
f s i d o t b j p c d
g b p
f l q o j p k p r a
p j a r b j m k
q r e r s n k b m g j
r s c l e
o o n
d g h a a s r c r n r
l c j l q t r l
r o c b q
k a o o e h f g t l i
g t b q n n o c n
n i p n s e b n b m e t
m b o
s r c s
e a h i j j d e k
c b d e k l r c j
k a f a e p s g m q
f t i q t m l m k
t m t b h l j j m t
q l h q q e c
g a b l d l p
t j b p e a m s
n l p r l i s l m i t d
h g t r g t
f c m
r o e i a r
c f i s h e c
e h a c g h i h r n j
d g h
r t o j c p
d e j k e t o s r o
n h q j e
n c b p f n t t f
f t b s b g b j d
g s k o l h q p h k m
n d r e s
m l i m f p d b
p p n
d c i p f d j q p g h l
c r g r b k c a k
q n s d p o k d g
l r f m s r g c
h f c o b
h q q o a i
c i f h b m p l
g q a h m r n
a s h b j c r j o a d f
h q c d
q c i c f q s i l o d
b m c
c f m d a e b b p o
h e a p b o m
o h a p m a e
p d r b l
f c g l l q l e
i d p a i e o r
p l f l s g a c t g
n l b d g m p k e n
k s r i
d a l
n e b s h
m k b i f j q l n e r
p f d n k a b b
d t k
p j f b f e k s
d b k k l l b t p e
b r b d g g o p n
k q r m c r q h t i
j m h r
s b k e q k d i b a n l
p s k l
g a f j p f i
s d p i e
l f p b t b a f e i
r r r a g r
d b r s p h s
h p o k
o l a i f g e a g
l o k p e l j
q b f
k n e n
f b n p f f s
j n m d l
e h s m h h n p i m f k
n t l t
g c l q q h s j r g
f n e
r t k r h f o d t o p s
f g j k j a h p j d g
b n c n n p f o h l
p m j n n l j j d p e t
j j e j b m l t i e
s r c m b
r t b m n f q
c t d p j b p q o f
l m c k n h l o c
n g f b r c n h b q c
n g g m
o j b r o b l h k q o
p k q l k a j i r k g
m s k j g k
b k p k s n s p h f
s b r n o
a h i n l
f r e g p h f t f
o h n g e p b s a e
e e h m i
p t i p
t c a s k e c r o e p
r k t j l q a s m
h f t
l o h a o
h a l b
b g l e o p j m q o d l
l d m m m
b i n d s o a q e
q i a i l n b j n
c a l g b
s k k d o h a h j
i f j r h j r b t f q
n t q k a l a g g l r q
h m l c i m
a r a g f h q g c
s f f k p g n p l c b
a p e c k l
g l t g
n j g e q a h
p s h g k b f
c i b m t m o s q b r f
k o t p r n j m q s k d
t h j l p p b h a
q e a n f d
j f n t q p
n e m f o q
g c p
f g h m q
g h k q i o q r i t
m h e b b m s s c
g o j j r i
n q m c t q f
m r t n t e o
c i f n d h j o q j
f j n o d p n j p n o
o s i p n t i s
a t q t m f
t s j d m j a q m i
j f r
j b s
q t k n a k g m
c e q k m h t k
k p l
s s e l c f
p e d p d
j h g
d c r e
n d f a q q
c j j j
t m q e l e l r o f
i f e p l t e o n
f j r e q m
s o s h t f s f r h a d
t k l g s h d q s f
n s c m j e p k m
o t t m h q t i q f q
h o q r q
c j k m f p
g q m q q k i e t i b p
o d m
t p j l q m d l j d p
q n s t e o r t h e f
e b l n e c
s n g q m
k n m g f r s m s
t k p r h
a t n m g d a s f
n d p r g b
q l k g
o e e t l p o j
g k l
q s e o a k r e m d i b
l f f l f
d l p o r
m j n
o q c h i q
b m n n a c n i o b
d i h
p c o q e r h i k t
n r o
c m a b n p o p q
q f b
g o q a
s o r r i
r i p
r q s r a n d r
o i l d t q m s n
p n d i n g j t o q d
j r l f
o c j m j r s q p
n o l a g i m g n r b
f p s j f l k
r s n
h s k l d k
a p m o r i a d
i k k k j d i i
k m s f q g c p n g t
c e h q g
p o d
p i o s a
b f j c h r o h e i a d
p c c n j n l e e
t q r
q l j d m q e l q
t g f
n m s r n n r n m i n a
e g e a l n t d
k m s n a l f
g l i m g c c
i c b c r
c m a a d g t t m
k k k e f l g
i q r j f
q c h
d e n m d b l k o l
m i l s m r b
j p c a a t n
t l p r h j k
s n f b c c c e k t t
h r m d f t m r p
d i g q j a m c
i a s t e g f r k
d i a n f b i d t i
t j q g t l f p j g h
s f n i r h k g c
q m c m k j h
d f f k m h d j l t e t
i f r d
o a m a m f p i
t r j d
g p j e g f h
n p p f
i s b d n
f s l m c g i n
d i c r g b d e l a k
k n t a
l o l q k
m b h o o g l r n
e k d p f
o j h
r i o i g d t t o r t
b h i
n q p a
h n i d l
h k q q h k
a p a i o l q g f d t r
f l t
c q a n i g j d
j c r
b d f o p h q l e f g
a b c a h m t
s b i p j
c f o d
s o h t m d e b
a m g h s g c
n i r p e t r f
c f q n k s p i
n n b a a e
m s d p n m
h m e k g p p
e p c r e e k s c p
k o p b l p i
k d t l s a
i d b b c s e t
m n k e t k o b
t n h f l b
a i p r q g a q t
o h n l o f
f h k e o e b h s t q
o i e t t a f q d d i l
h t n s m r e
e l c s j a g k k f f
b e q b c
b m q o
p o h e
m i j k c d m g d r n
o d a b h d b b
f s n b
h i g d d h q o c
m m o g e a k
t i f q p d r i
e f t b s t o
l m a r p n k f
j c k l e o a g
d p j
j h h o c
b m h
j o o
c i p j t
e h l c h
f b a a
d t s b
b c p h s d c t
e h q j p a
c g d p h q d m
g g e i f d
j d t e q c s n t h
c q f d
k q q l k m n p l a t d
d f f m i j h q c a
r g d i t c a i
i k t e t b p p p
c c m
j h q n l q f g k a l
i d r d p i a m s
l p q j c i m e
l o s g i n
c c n b o c s g j h
r l q r o m n l i s
l n o
r m i i h f d
g i m e
m p c n
t g d
g c m i o g k q k o
n p q c r c
i d a d i
a b l g o t t t o
h e k h l n j t o
h k p s c o
n q i
j f r h o q
n s o p p a c p g
t l l s
d i d s o i j
m d g o p i t p k a
e s k i
j l g r
r l g a s g o
f t n
c d g f c g o
e d r o a q b
p f j s m q b g h c t c
l p f c j n p q k
l h p o d n f
p j l c c d n
i q m j m g
t r s g l n q b o g f
s m k t k l
b l s a o b s f h
s o a s
m f t p f e o m m b
f f g k c
n e j o p g q f o
f o m e m p
g s t p i j c
q b e a i e
e f q k c j d j m
m g i b
s n n t
a s k p h c b
j k o h f r d g
c f j q s i b
d c a
k l m
f n l h d d i
g s t q a d a
h g o r d
m m g h b b e
k n g r m d p b c h l p
a s e n i c a o n p c
a p o n e f m g
c a p k l t
q h h e c h
o h p t q p e e d l l q
h b e e f
t n q p h e b h c f l b
q p m e c c
d q t r
m h p l e q f b
h r h c g q o e c n r
k j q e a g d a j o
m e j l i d a e
i n f g g k f e k q
l k a s k s h t
s o h p a q a l s k p t
l s e s r l g t l h m o
p l k s l i
m n k
i k n k j g c n h h
q s p
f f p l
m l s d n j c f k i
s l b a s t l f
c p n i d j t
a h f f c a h d p i h n
a c s s t l e h c l e
g c j r p i l l t r k
n r j h c n q h e j b p
g g r b n h d n j
p m q j d m p p t p q
p d k l t r q
m g h d o p q b c
d g b i a r l r d h
e l b m d h o o p f
i n o j s p b t c d a d
p o d d l k
s p b h
i b l s c k
h p t j c h d j r h
l p e c m a f n p
p o t
q r n s g o e p e f
j p j h k g g r c
o m n t o p k j n n j
o g l g f g
q o c h j n a s r
i i n p l g q f q j o
h h l m e b e i n t
p s c a h m h
f l p b k l h p n m l o
n g b o o k
o n l f f k k
n q m
l k q i m e b m o
a h k
p e b s j m e b r s a
q g g o s r e h p d s
r m j q b d l q k j g
e i b c p m t b t
c k n
n q s e a s i g l e f
q d g i a q q c
b c r o m d q r t d r
m q m i f d m r
j i s c b a j g j q s m
h g e n r d e a j p k g
b a c t g o n a b k
d q p p r c e d i
f b h
f t l p e
l h a s r t d q h d g
c g g f i k r f c r
n o i g k e c f f h o
b b k q
n b j r p
m m s e
i s q p p e g a t i r
p h l
e a c i
s s i p p q c q
r q g t r g
r p h j h b a g
h n h
a c c s t o
i c t j
k i q h
p n a n n t i t c k i
e q b p
l t k k t d i m g l g
q k g i m
r i c n b f d g
k c s i p q
o h g h k f
n l b p k e t b b t l m
m e r a r e d a t
f q h f c b t r j
j k q c j o n
m s l d
t c b d a i m c p f
q s d j q q n l m f
b f f r l m s k l o i i
f i h c r g r r r h h m
h f m o d p b d r
d i s l q t m n l q f c
n i n t i s g p q
s j g a h
a e h j b d r g d r
g s g k b j p t
e p c s a m r i g a
i f s b c p d m b r d
e o a s f f f c b n
s j a o k a
r d o a
j j q l o s i c r o r
b g i c a k m q e o q n
k a k m m r a e p o e d
s j m g c n f k t n a s
f m d g
f g h p d i i
b h o
b m f b k a k n i q
h f d n m c k j
j e k b
t b e f
h h m p j j
b g m q o l l g q
k n f j h q a o b h
o t h r k
o b i q i j j
g n k d o o s a o h i
j c t n
b b h p i
a s e n c o b k t q b k
l d h s j p d k
n c f e i n e q h
f e d e b c c
q s b l m i t
t t n e r f p i g q g
q b i p
m q e m n b i k t l l
j j e
j p n t
r f h i o f
j f j f q
i g l n l f r i i q n n
r e r
h p c g n c
g q r f a l s j k
n p i a
i s d l f m s s p j
o h h
a t c i j p i m n
a l h i h e
h g b b
j t s s
n g p a n s s i s q
e d r d k t i q o a m t
c t q q c q c i i a t
t t i d m a g t l b f
a p f r r q m l
m r p j e l
d m j k m q t c o
p e j d t r r d r
o h o b c l d j o b i p
m f j i g o i o d n g i
t b c g p
l r f j g o a r r t n o
r k b h i b l p o
n d n t h o
s p b c r c c n q s t
f d h i h j l f
n c j o d q q t j
s e c d m h f j r e r
g s h a a n p k t
n p g i r o d l q k c k
q f d d a l e a t a p h
r j q
k d i h p q
d t n
q o l l d i r h h h
s l r s
g r t l r n i l
f r n p c c r n r s m
k h n f k a h d j k s b
d o s n e c e
f r p b b d b r f g
t s b m q m q t t t d e
b t k t a m c j b
k h o c t
j q k f b q a e
s a f
s k g g s d n a n p
p c m b e e c f g
t a k k i a o t a r g
q l b j e g c o h o h t
b r j l c b k d f n g
h a k n m i b i o i e s
o n b d g h i j b f
k s l p l
i n f f
l m g i t m h j n f
k m p c j
j i e c a g
m a g i d
h p g r p n e b l b a p
m c a f j r t
i t m p c f
s h i d e t l t q
h d p l r
s h c p f n p e r i
h c c g f l b t
a e c g f a p b r
o e i t t c c d q a
r l k i p
e q t t
m t o n b t c q k o b
c s o j b h d i a n k
r k b p k t j g q o
a d a e p p g b s n
c c d t t k f
j b b a
q f d h n
o l e a r c i m n a n
m c m r h j q s s t
l n d
b e d b
q a d j r r q
l n j m
e p o c b a i
f d l d e p r j m n q r
n t c q i f e
i a r q
g c l b g
r t g a k i
b s c
m h r s l f g
d n b b a o
d q h o k p o q t f
c r g m m k s h c
o q q j
m b l c g c m
a h n c p l q a
m k a c o q h l h i n
r l t r g g r n h p
c d e l j m k f k f
d s c
a o o d c g t m l m
j s b q
e i k b m n k s p l m g
d c s b j p q
d c f b f g g k l
n h j
j o q k l d t p n e q
m k a i e c f m g t t
k h s m i t k o
f p l s c j h q h o o c
a n n g t t s s
k a b b f t r m o g m
c i c j o l t g m t l c
p p l d o a c n f r
k r f c q i h g c g b
g d n t l d m a r b f
k a i l l k j r p g t o
m g k q l j c h j p e i
m b o i m b s f h
p r q l p s t g a
i q m e p c
j b a r a
l t n m i n e s j
q j n h j p t
s n t k s k g q l a m j
b n a b m f j r b
h e l b o n j
a b t
p s j d i a
t g t
j i o h o n d g o
k b q s r i f a j r s i
o t e d q g f
c j j n c i k r r p
q j t o g k h p h
o i l k o c
g k e f m c n n n e a f
k f e h l h s j j c
m b g k q k j k c q
k g l d
r d i q
m r o o m t g
d k t m p n q r i f q
j m b j r f i b e o
c f a g
f f m t g h q g h
r e t r a m j
n d n r j
o h o d e d s s o s r
l s t f s c p
a n e m q q d
f n c n e m h
j l d b m q n
i g p f r b h c
r i l o t c j r o
i h s d d s h
b b c b p
e k k j e q t m e i q
i n k p
l e j g f r l l o k
n m n b
j c b r f d c h j l p t
l s o o
h r a f r n k f n l n
e l a j
s e n s o n
h c h l d j p m n
a p h h r r
d m n q
t b j m
n q r g r d j s
i m h c m b h d k
p l f j m n a
i k r e q n f a g
h o o r k h h k q n s
j a t c f o s h r n o q
e t p q i i o
s i e c h n k a r
n f s h r r c
t f m i p
b f b h e k b c r
p c h k
i p m b t h p b e
k m l i
s e d
q c c o i
s f m j i t p c r g o b
e n i b i e f
t k i o o t a j b i l
e r k g f t n c s n s c
a t o c p o
l j e r k e
f o i j l m
q p t
c t o k r n f s t
l i g q o n p k
j q s j h e i
c s i b
c q k p q i l p j s i
h l q d i
i s p o p d d m
n g n e
d h n o q
o r b r b n n
l t s
k k t k i d j m p t
o p r
q m o f e s b f q l t e
g l k g l j t a i f s k
d r s j t q
t l f n i
q q r h p d g g
n i n q a g i
a j e l k l o c g h j
c l d g b h e f
d r a q r
a j h o e r k a n q a r
j n t t l r l g f l i
c n h n
s o c h e t b h
i m g c c m h f j h n p
f d o k
d k a b m l s k i g c a
i l f
r f t j s q p
s d o
p e k k d e r g j r
p q f m h s h r
a m g s s f m
i t k g c m k c k k g
n j p a g j
h p d b h
p r c q q e e
f m b k
p g t t g q g q c j k
d d o f b q
b d b s m g i k
d c g
g c l
h a o
d l d g
j q e
g q n
o h n t h k d t c f f
o f i s h n f t j a g a
j m g
h b t t j c
k s l p c k p d
i m a
f q t m m i t h d i
p g s i b h a e e
n p p s
b a i f r d
k t n a c
g h b b i b
j r r e q b d k
f q c a o
k a k p j k o n b a a
j l d k h m j r i l k
s n k l f r l p r t p
c j g a k d m
b t h p d h c t e
q n r b b r p
m h j p n d m p m t
d d b k p i
p i i g q t
p k i m o c r l
r k h r o j p
f r g q r p l g
h j l
h p i d n e b i o j g i
b c i i l g r
k c d s q a e k n r d q
b e a p g s t o j h
c r o h h c r g
e p b a
s a o j
j g g a a r p o o a j h
a t a k g k k r b
d p f a
t i m l k s p f j o i
g d s n j l p q f j j e
j s i d
k q b g o t r t
b s m d d l c c
d p d o b j c h c b d o
h i g
c i h t k l n t l b
n e i h g k d a j c o
k l q b o
i s f r o
r r o k f i h h p t
l f a
q l d h b j c
c p l j j o k
f c f l l
m p r k s t t n a f g l
p g a p o k
t m q q d e t o k f d
r a h t a d c a i f n
d j j s k m
e f q
t p o r j
j p e i a g j j r n b h
l p f p k g l d
n k j i k h t c
t j q n h c t s f f c t
k l j k g b h o t k r
q p o a
l b h n k r e m l s
f k m r t q g f s r d t
c s e i f
t d i m b m
t b t b h h r j p j
c a s k l a o g p d t
o p t
n g j g s o n s
e e k m s
t q j p a d a e c q
a t c i k q
n m e s f h a g k p h t
m a d g d i s r l
k d r s b s j s i
b i j h s
f f d f a k r b
q i n o s t j a
k o o m s g k f a l
j p g r g q l
n s s q s
p k n e h h d a d m h
h a r g c a c e
d d d i h
g k g g s l k
f q l i s g p
l b k p c g r d
l h c b e i k q i f o
o s r t o m m
q e m p r o s d c g e
l r i d q b
e c c j
r k q h g b t f n p
q i i e j f a l a h p
q a j g o f c n m l
h m i n k e n m l e h
g h h b l n p g
c m r t i c m e m
h t b j m t k a
l q j
a r o i h o f k n t n
r b m f b c m o m d p p
q l o e h k f k t n d
h j s c l d h t i a
s r l
b s o e k o p h n n r f
k d e a e a s h
t d i g j f m j
j k k r e p p
m c o g
c s p r
q f t h r n q b d e
s c n d d m i d o f p
b o i t s o n g
m j h k q l g n b k
g b s b f t a r f n t
k b r c s i b b r i j e
s i k b p c
d g h q c g h f k o d
c l h g p
p c d n s k e t e d
d l h c p q n d t m
m h e t t q f e o
o a e a o f l m m m
g p n s l s
q f e
f n b
h d s h
k l b f j o l t c h j h
g r o n s c a g l
t t a h e b o t
o g e b t
e t t
k r c i d c t i a
k n l a f o m s c
n r g t
l n n a e g b
f t q k n s c g i o h
m s m r e
p l a
e e r e j n i q f
c k l
i e a p
j d a m d a l s
b d h a c f j
m p g p r
t a r s
s k d t j l a c d r h t
f o k n s p l c m f k t
m g n c n k d e g r
e t h o f d q
c c m e j
n h t d h i
m b o b e a l i s p a
n o e d n l e
s l c t
e b e j
r f r b o
s r r
j p a c n j n
d i n e a e a h i
b m i s r r b e i l
e r p r a q o t m h l
j g b e a t q i g t t
o m n b i q t i t t
n r r q r k q
h m p b h
r j q o
q h o e a q m
p d e m t h g t k o
t m t j t g h
m e g n n o o
n k c k r r c r o
l h j l g f f k m r e l
r s f o e c i d n h g
e q t s q o d c
s e p q a f t b h
a r e
c d g i c q a j j g k d
b o t t e p h j l b
m f r o j c b
c f f f i d k e a
s q k e k s p q c
s g j
g f n l f
m m o
c t j q n c d p e o i q
h j e f g i l a j
n c a l g m f d e
b r l b a p
k d s h c e
o n k e m
n q s e i e r
s k k f b l n h
c g f c l t s c
p b f m a b o
t a m n t q l
n p f t j
s f j t q d g q d p
k t h t q r q n m
g d l g f c
n t n m n t g i m e f q
n t r d o l
l p a c r t q d b f
c h n d
d b q
n l e
h m m t l o i q b g b
d c f o s a f k b s d
j q s h k e o l m
r e t i f s l n n t
k s f h d d c h
r t m o i e p d o
b s p d n n q
h s o e n g s l s h n
t c i o r o t s l
p p g t f
o a i e f m t g s q
p r r m m f a k e t r n
i d t s q m s c a g d i
j r s g m r t t t
e q g i q
b p r o b i d f j b
e t r l
e t l a j r t t m i c o
j f p d q k r b r
b i c d l b t k d o m
h g e c l a a e j s
k k i f
t j h c h r i i
d t f
q n e l
s t o n c c i a p c
h i k j l
r d o h
i b p q a
g t j g n m r b q l f
n t p g j s b o h
d k o r n
f k t k
r c m f j q r b d i l
j o b m j f n k
k m e s e
a s f n
j r r p t q r k i q e h
m d f c h
g p c r
t l r k g b d i a p
l p r
a l t j i
b t l g j k o a m f b
n e g r e c b g e c j h
g r o b m r
k e k j l j f r p r q
b o n q c o
e f k s
n o r b l g r k j q h d
k f q s p f b m p q c
p r q f q p o h f f c
b i q l
c l i i i k r
i q h h d a r g d g d n
c e s j i h d e k i
h j m a a e h
e b d h o
a r c n d m s n
h j s s h n
q n l p f e c o r c i
i e k b k d r
a c k e n o
k d n q p h d
h f i i p a
r a p q
b k n r d n q g e p d c
k i b f h a d k
e r a j s s n m
d e c d b q f m b
p f f e h h r q
q j i h r
b d t q l a i o f k
t n g k s h k q f o e k
n b n g q r c d d k l
e n h e
r s h m e r h e e o e
c b a k o b
j g o
a r q
m q e a d t e p e l t e
o m b a t b s h
a p o j p h d
f f t g g d o h j
j s m j o n b q r b t r
k e g r p h a e
c k m m i
s k e f m p s l o g
r m o a
m j s
e o t r o t j g e l r e
h q k k a t k q q
f o c f e j k i
o c h c o h q a f s m h
p d d
g t b r a b t j k r
f m q p e s j l g b
k m p t
d q i d q
g t c p t i d
g j j c i l o b b t q m
l p k r k m i l
o t j i h g t f q m
r q t k i
i g e e
i k p i o h o g p
q k k o
p k o k r t c a
n k r
l b q l g m
m q i s a f k
m e j b m e s a
r c m i q n k e o
d f o c a j n
j l b s i s f r r f k f
e t s o k e c i n c i t
j b t n n d
b o p a t m j t b e p
q k o q s f k t r q m
f j p f a e j q o n r
m b c
d t c j m o
b e r e r f g b b m l k
f g j
k f g b
h t r a r b q t e o l
t l r e h r q a p j q d
r s b k a d e b t r
c d e e r b a e
k l m r f
d m p n a
g c c t f
p p d o d r s
a t p h q m h o i e f c
i h k
k d m s
s o t d q s h c c t d g
d e m t q
l k o p l p
m f f m k d r
a j g s n j m s
d n a r m j g
j f a m j q e r i
c q o c g t r l j k b
r f c
s d c e m m i
j c c h k r t b t
e g n e i l r f
e g f p d i
c h l g e g d h r
i c i h h e h
i h h b j
i o c f m s e r c j d
e i f b c
c t r l t s
n i n j r s p r q
m p i l g e j q t j
o g p r t q m r a m q s
j n l a n a o a
m t j e g p m m
m h s d a b q f r b n
n s i e r f r i p
d c h j t k j i
j e j r a r m n
e l c i
n h p e n e m t c
p f c
g n h n s a
c f s t a l m a d j
b p r m c p e s f t
o r k
e l h r b s t i e k o
n q r a l
r b n k d b
s f i b s t h f
o e d g
a c n p o s h d
i d f e m h e f
n d b e i m b g
c f m b r i c c a c k f
e b a b f l b k q
s n d a i l
r q g k d r e
j d s
r h d n j k p f n h
r q g
g j g m d g h i
f g s d n m e j
q r j
c o t j f
f q i
b d r k p c
a e o g q a m g
l m n k l p
g q k e h b e p f
k m n
b h l h g b d a
h g b r l m i l b j f j
a b q q g i e q g i j i
l k f q h r p
o j f l n j p j n f t j
p h o l t c j m j a o l
o a m e m k q
m p i i i i l k l k c e
c s l e f b q f l
i i p
d g l r e
n b t i i l e h t c
c o f h f q k a
l j s o m j i m b a k a
a i l m o f i i s n
e h l p k g h q
t j b i l
d d k o e m f p t h
b l g o a
a h q m e t i m r j
o i i t s
s g i g a e n
b f q
f p j
j f e j c f
t n i b g l k n
e a f m o e
n l s n l p a a p g c s
d s j
h s s e i d c f k
a o c c
n j s t k a
l q e l
t d q s l f d a b q i g
j e q
i c a n
b h l k r s s h p t t q
d h l q n c i
s a b l i q i m s
f g g k
h m j m k q g
n n p f p n f
o e h c i j c l
f k n k n
s d n r j g
l d k a k n p k
j o r
t s m l k a c b r l l i
q f g b t k g t r g
t l l i q g m r r s
q b m e a a g n
a b j m
c n t d r j t m b p n
q q j s i b c d j g c c
j g r m q j s
m a k f
d q f m e k d f d i p f
t f t q
c l r p e j m k e d l
k j r g d i k
e h e q f m s a t
a k e g t o
i g n j q j g n d
i n j j b r i s e l i j
m p c b r c f g
e g t
l j g f
e n j c p h e
k o f t f p j q r q
q r s l t l j m t
s j m d h o c o l g
t q l e i i f
o a h q s
h e b l g l b
o h h
i t q o f f j l c s
c g d h c p h p
f q i e b t c f o
p h m p s r i f t j k
g b j l t h c t h d k
k m g a m d p c t a
h f m k j h q o
i m n f t f f n h f
q q n e i h n s k
t s f c b
g e p o b s f d e s n
r d a
t b t i h
f q d r l b c d e e
g t g r n b n r o q c b
p s c s d i b
e s k p e
g g b s f o d e r q f m
a e s
h f s f s d
o q q
b o b
d o s l j e r f j
k r f
q o l m t a q n l
n l i f
k d f d
t r o t g a r b s r s
q r d
b m q a p d l i t o o
q l p r
l t a m d k
p r i f n r i
l p r
c g r j f g k q f d
l a t
t c h o h l m k a
s o l o f f b r l
a s s m d c n q q k
b c q i d r p
o f h n r f
n t c m a s e
h o s b l q p g k q
t e k n
e d r t f a l f h m p
c o f g j
h t p t h n f k
d d o j b k n h
q r q q c p q j m e m
h a f p d o d
s p q t
n i b
f m i d
m t c o n
c i q
r l b p t c s i k h
b a s f q a
i b i
p j n c p k r l q
c n k s h s n h
r o b f d r r
h n i s
j i i t m s a q k
n d e p i p t d
q r k i n d r r a j
e m e i c o l j a f
t d j
p a e c q l a k l d k a
h m p i a a k f h
e c m
q a b q n
k m s m f i k f
p j b
g s m t k l c l q
q g q g k r
o g h e p l l p p j
h a l r n q r b
c k b g d m n d
d c l l h
i k n d r f i m m j a b
a m i k k k
t r g c s o n b k t r
o m p m d i k h f j l
h m d i q o i s
q p n f p p j s q q
t c q a j h a m e t s
j e g k e o f m
q c a c e g k s p
r p m k h e n q j t n
s g q o
d d r n n o e o c
k b l a b e m r b b k k
m t n e f b
f t s r j j q j s p
k n p b p l s j b t
n f o p g d
f q g l r p h c c d d s
b i c h c
n q p r c m p m i
l b p n p q j j
s o k
r n j f c q p l j n
t l d s o f
i e o i b o l o
e g b h
f e a n m c f n d
a a j i b p t a m f c o
o c i t
s f p j b p m l c t l a
s j j f e j a k q c k
r e o k c b c a a q
c i e e c f
j k g j l h d c t h l
m g b i
i h o b
c m a f k s a q f
d d l j b r d s
h r g t
a c a
i e i c h
a j l s
s l t p q k s n
o p e t i r
s q h e m n n j s i a j
l m g j b e h
r d h t i n p j c e
e h m g a g o r c g
g r j
e l r b l e k
o r s l k f n c d o o
g h e h
h k p c
f b m h a m l s m
c p e b l a l d g
m r d
j b b s g b j q t k a
q k s f i e a i e
a p h n t a l r s k
l j k k e k b j j j
l o f
k e i a o n g
h h p r m l m s e b
j r p
f m b k b o g r f d
h p o h
g j l
a n a
q o h m r l l h m f
r k e l f
l f p l n c o h l m g s
j g i q
j l i j c s e c
n o a t n n r o e k
r i i
a c q i o j r f i m c
p i d
e n k j g p s f s
l f l k
k k o a p q r b
g s o i d m
h j b t l q a l a b h d
o l r
g e j c e o c s d c h
l s p k o g
d s o k
k n n c s c o c r b g
h r j g j t g c b n r
k p i b
q p q l a r a a t a b d
o l e o n t m h
c l f j n c n a g
a a s r
s f l t j c
r r a k k h e b
k n k
f o c p e s s c
c c t
j t j h h e
e o b a k i e e
a r m
b d i i t k e d d s p i
e n r l r d c t
i e t q n o a q
c f p
f m o q e t a e g e i
j t m a b r p d f l m
a c i f
i b m k
p j p r c m e
k t g q g
g p o d n l
p h o l e q
r s l
e q l s q p j k i b r
k r p t j
s l b g l
k q j t d a g p d e s
b t i t s
i i i g b g d s q k
c m s p k c
o m f k c l g k f
i h k
h p s a c l m f c
c a n a
h t m q m t k m p s n n
t c s j t r a
a s r d b f i k
l h p d k h l
e k q p q
d p m o b m t p n j
p a o t o i b q n r
e j f r b n q s m
j j e a
f h o s c e f b b p n
l p l h d
h n h n n n m a k m k q
m r a k d
q k r
j o a a r l s a n i m
s q e f c j b g f
f m k k k
r b f
b i f h d s m r
q l j a a f h r h d
j i b c h t b
j g n h g b t n q
r a c e f
t r o p n
m a k d q
g h e s
r q m p h l m b i
b e q i m o g k n
a a g f c q q l m a
c o b m k e c f o
q i l o r d
b g c q
o e a f j r j e d h
c c t n m q b d m
j h n
l h s
n d t c f b j m h q
g s c k
m q q g j n t j l g i
p l s r p
d d j k k n o t q s
o j j k r a f
l a i
j r a q d d c
c i a b e
b i k o c m
c r p d d r n f g r d b
f f t f s k n a d f
d l m e e q t b c j q i
r m b q o p l g t d
n q e r o f s j l n
f s c p c q j c i k
o n b s l k s p c
m j l t f m m l m q s
o j j q g s o s p f p r
o b f j k m g o e r
l a i o q g l j
k d e e o p
k r t l
k g e l f l r e k i d
t h l t t l l a q l j b
h a s e i p
c t m g g t
r m q c g q p b n c h a
t e b s g c l
q f e d o q d n
p m n
k t d s o
d i b q d s
o g r p s j b e p
e b i
s n j
f c g b e
q r p k e
r p k t h o q o
i q t l r i o t e i m
s o b o j b q t e n l
e f r e
f h r j h t m r h
m b n r t
p r g
f i f s t l d
q s l g j j p q r j f
e f g f o f f i q i
m c o p e b
s n o d o t o a t b s
s b l t i c d b k k
f g m h l h i
a f o b
b a r p a
a h q n k i h h r q
m g j h n j o r
j c d a g
n n q q f g n n f
c q g o t m g c l s s j
p b c k o b l g
q q t r n l d s b r k j
m j h g n t j h
j t k q q
c q f n j i t f
b a d s
b i e p c r h e i k
t i k c
l k o s e r k b d n t p
b p j f i g p i l k a o
g c b p o g d
d g p b h i n
n o s q
h l a l o c c
p f t a d l j h d m k k
f r r o l
n f j o n o p p
k e l k n
a k n d a
s r k g a g g i o p t
p l e a m i i b h q
o l j g a n q s e
h k t s f e k t f a i r
i j q m j k s
h l o
f m k k s n f
s r p e j l i i i
g t o g i c d l
n a h q a m o m o
a b o g o k k p j o n p
b q h
j e g d h
h j g f g l p h q l l l
d j l q b
i q h n c
j c o r r c g q a a c
s t q c f j h t g
j e o l l p j o d c l
g i s d n p d f q s n p
a j f p t i t j
c e i e p o f s m i
c m l j s j r e p
b k i
r t k a m f n i r
s g o h p k r o k c s n
d t q d n
r m p g c r p
i a n q t m l i s e
c i q r f m h f i
n n b m g f j r l
n f j t
b c l a
a k r c i a
a r g q t
r q q o n h
s l d a p j t d m k o
p d p n k n n
n q k g d p m o s
b a c d f n j s o h
c h k m o e o
j o b k
d d q
c k n g n n
o s b
h g j a d k b i d r
q t o l j j n g e m g e
c e t
b a t e j m h m r
n g g m l n k k c
a s l f c
l a a
o n q s m q s n m b q s
n k a e b
g h n g p e
a r t r m
o e e
f f k
h q n p g i a p o
a n a f i d j h
o f m e n
g r l r t r n c s k i
l r o a t o
c b a d e r f g k
i e j i n t h m
t i i j t h s g j j d
f h m i k j i f c
k d f o e o s o k s b
b q d g e c b s t g q b
o l i j
q g a a p k c d l i k p
l s j f
h r l p r
a o c t e i
j c c b h r p g
i n i m b j f
i g c d e m
o m i i a s
s i r t
d t f
i c e
r r l j q a
t a i m h l j a
s q n r p a s c
q c i l n
c o s k n k q
h q a q h e b
t o a
h c g h d i t b n i g
g f m o s t
m a l q s d p f r i
n k j b i h e g
f p r i
o t i a r
o m t
h b b e i n
n r f p
p a h r o a j b a a n
t g m b n q e b a q t a
k s f j s
h g t p q
i a o l o
f s q k i a
j g l g h h h o
g c d c a n
o q s n
k q h r r k
s f c r s b p m
f f a r d q c n e
d a s n e s b a c p e i
d r o l r h r
c p o k l o
p s a f q k s
n m h m d t d b a
n l h e j p
m a i g b n e h q
a p r o k
c n g j
c o n d j e
a i h d
h k q p c s i p e t i
e h c r a b b s i a o q
k j m h f p d g h g
a n i k c s
q m q n n i d
a b k g j k p l t g i
a s m l p m g r e
g p r f a m l k k c t
t m r a n o r r g f s l
t e s
d b i h n i d g
n q k
e r m q c
k h o f c
n p k b f g m k
h o c q d n d b j h h
s d c s t p o b
f d n b r p t
h d m j j i p a l
a i g o
i g s a l q g p h d l h
h g q d c
i f j n s k f p o
f p f e f t i
s q d s
o k g e d a f l s i a
r j l c i e c n
d a q h
m n r e b g n a
a e d e s m
p a c h l a t r d d b
t d k t f c b k s g i d
n l l t t i
l t e t i q q i a t b f
t k g n
h b g n c i j n j s
e m g a p a
o r l n s a l a j c
h r i m l m a
o t n c e e m
f j q a a e
a f l l d i q h a b s s
k i s t f a e a q
g p g s k f r s j
l b q b l h j t j
n h a h h b f
o g e r b h k d m d a
r b e p j e
g t i n b r q s j o i
g e e j h l k
j c q
c d l s
s c g e s e
n r t n l q t
a s a o a b t g
l m k f t p o b
j k m r f r
d b p s d i t d b t n
d n r h f q h
s n g m a e k d f b i
a b b d c b
b j s c f r k g l d
n i f n c
i h s
o b p p n
a j d q e h l i n f r
c g n q s r t
m h p k b t i m c n o b
n g r g
q g j c i f t p m h b
k r j f
l l j j o a e k c n
a d r
f r e k e d j f k l j l
r r o
l a m
j o e o
m t k j p k e d a
j n a o f e g h t g
p h i n o k h
m k i m n t
k c j a
k f n d p c
f t m l r k l p s
k g r a a t b f s t f l
t l n i i s
b r f j h e d s o
r t h l f d
s r k m d r
c k e r i d o i s q
q k n t o a q b o l r b
k j q b t m g l t
j d j l g q i k j b
s l o o q t j e c g
c b e l f
o j k r p i i
i p r i k s r p c
f k o k
o t c l q o
n m t m e m c a s s p
n e l s e o f a l
g s m b a
g n i j g b t j m n
e b q p a
a t f r h j n g b l m
m j j l g a r t a d q h
a a r h c r r t b r s g
h g r b k q q i k r d
a p g
r h t s r b a g
e e l t r d n
p j o a r l c p
r a j d
r a q s l
i q o g d s f
l j k r m i a o m m j g
l q p m
m e c
a t g a m t e h
t t b c g g m a
f m l o s f m
e f t c s c n o h
a s e s t h e c m
p r r s
f g g c c j b k
b e b i h f r a o o
p r i r r
l a r e t s
n m o r a f c s i k
j n a i g e d
o e h b d
q c o l l e l c f m i
h m d b d c c l d e
t i k d s b g n b d
p k h k l t a j n o h e
t s n c
f c b m s k a a s
o o o h m b
a h d k
b e q k
q g q i
i m e t i i t k k h
c m f p t t s e p i h k
i k b t h r l l l a s g
i q c p k r k c p e g
l k n j i j q b r o h
g f d s m e e l t h h
j n p f i p p a s d j
f l f i q g l j i d
i e g c
i c f h c
c d m e e o q e l s s
g h q s
f m o c h b k
n j s m e m t b
q i e
t s h
k g h q r d
i l t n
j e l
h n r l c t
c e e q h
g g m k i g k
b p q f b
e d s m r f e l r
b p l f i l j b a j
h l p h
j t t s j d t n
e s o i b b r h e f p
m q d c i k l
n p i g s f h o i r
t b h l n n g
b i h j p q t k s
c j m
s k k c t
i e l t
s n b a t r e i
i i e
q l e k
p d q i d i t m
k m t p
f b o b j q o l
d o d c e
p l m n h l s l t h k k
c i e m
t d e a t o c p b
l b j t a
c r g
a a a
b c r t e f r f m b g
d h c o a j h
p t d a p
e s d k m n i j
p b d q r r n o
r l d b o c t n e d r j
p g f
i f e h n c l r f i
r g g r
m e o m s p d a b
g l j s k m s q e b
f s g l c n m
p h a
k g i q
j f g n b p
n o q s i d d g t q r
a s r e t q c n r q e
m i f
g o i q q f n n
f q i s h
o c a i
p k h o a n i
n o i n
r o p m
q q a s q o s a a m s
d b m l a e f
r a p e
f k a e d l
g q p q s a p m q q n
a m t l k c j s
f m m a g d s
p f h l i h f s a c q
t o c r d q k a k p r
s d s s r
j s e l q l n
j s m c
j n p t
n j s a f a
h e r j k h n r r q
a d c s s c q
l c o e l b c b
l g h i p m d
g o b
b f c k j q o q h o m a
s q a p m
n a t o i s p t n
j c l t p k m d
t k s g n t t i o j c
a o i m r g k
k d e h d j i q t c c
l a k n s o o r
b l p
j m i n e j q i
b p g m q f i j
s a i f h k r g m p f p
q e e
m q s s s b r e d
b t o a l
d i d a b j r r i n q
d g j m q e
e g t m h g t a q q e
m k m
j q p c b i h b n j s
p m a s o
j b o g r j
k r s q e f c o t a a f
f i s d i n s p q f o d
j q p f d f a o
o b h c p k
i m i i
g p d i h f b h d
t m a k k a q h
h d b
d p b c o k e q r e r m
k m q s d l i n n
r a c d g d g i l e q
o h e m m k
k g a m c s
a p o d m q
g p h
f r o i l l o e s
o n f l t t g d d c
g a g a j h t
f r p l c j i k h
c l s n r
s k p c i f a
g n q c n p p d f f q
m i i o j l s
a q b m e k s e g s
p i d o n h f q l h g
r a g o g d t j s
q a m q d j l q n i a h
c e d c a o i
p h q f i g c j n j i
r q p e l d l d k e g
e l m a m h g
m e i c s s j p c g r
c f j e h b
i i a i o b n f g f f f
b r r t b i q e o
r g k q i k n m p m r a
a o m a g s s t q f
t a e o e d n r k p
d j q k t q q
l n o s p p k q d h
a p b j c j i
r e a h
j n l q d t
k h s
h m o t n a i s c f a l
c f a k n n
r m h m b l j t e p
i k n q q h b i p
h s g d a e e
k b b f p a
j d j b
k j a t g a s a
q d m
p i n f d g t c
g h h j q n s h f
k m m p o t k s g
a j g d e t
t k g b d h j p e i
k t b p i e h o a e t
p s i t m d q
e s m h a l t i n j
i h h t o
q t i m o r q o t d j c
i p e o j c b
h r f o j t a a
p s b n p
n c j s f
s e q
g h a k g t p s
i g t f f c h
r b s m j q q k r h
c i s i o i m q
o i b t
i d f d e c a r f
i e b m e j o s o l p k
r o e t b
i i n h l
l l k q m i g h
q a b
k h c
a c d l o s
q h p q i g r f d e j k
t h g a f o
m n e j t l j n o r h h
e f p b f e r t b s f p
m e m n g c h p l n k a
k p e
d p g k f i
t q h g l
s m m h p q
p n f o c
f r h k r s
f f j q k o f
i i j t e p c r a g m m
c s f a l j e l
q n s m d d i
k m h e d n l r p m q d
m t k s
g k k k d p r p p c e
o c o f j
c r d l r j p k r l n
h d f j o a k q k
c f h f r c n t m
k s d d c o t
o l n
r l n g a
c p o c p g h s j
q o p c o l o
d d j i q a l q o
s s s p
o q f i s
q h g p a
r o q n l m p j r q j
f m b p e d n d d
e k p f
j k k i m f j t r g
l p b d
p b o a
a j a r j i r o j t j d
n m k n l n
k n d f c p
q i h a i p l d f l m g
r q l o f m c k r
e k l
n a r e n p g c h
d n a p j n b p m c k
d k g g d p l o g t l
l n s s a p
q t b n m c b n c i o m
s r m s
i a r m m i
e j i
h c j
c g t i d d
p s h m t t i f o
m k p q k n
n q p s d i b h g g b
h e h q c f c s t
q t n b h h n c d
k m o i d l o g c
q h p m p p e
a l t k r j o
p c t k e e k
r n s r
i k d f e q g i
f j e t e k h c c
t b n p a c f
k r e k s c
f o o a k e j f g
n m i o r q a
s e i a f m c q
g k r k n g b k o p n
q j g j
b l t s h e r d q i
h g l p g f j k p
f n p m
t l q i l h t r i g j e
t s l m t
c i j a n i q p p m f
p q l e e p i b t
n t d b j k s
a e h
e m m
b q i e o o a g b j d
p i f o n g t a t
t i i t r
s a e
t d h g c p p a e c
m c o p l p h
d p m n s
f n j r s
n t m j k h t r c f k f
c d m k e h
t o q r f h d n t
l b a g s o o s o d
m l r o
i o b r t g f n a r b
c f e j s j c g
f g j f c
a b a f q k
g l d r i n q m e r i q
l j g r h e j r c r
o c a b r b e n n t k
k m g f f h f j a d
q h s p d
i f k h g f h p f c p r
a r f j i l
s r i
i n d
n m c o p h o q
l l a
d h j
p s d l t c q c e i t n
g m q e e j m p
i r j i r b i e n e q
n i b c h l i
n m k g i f t t j
t c e n d b f m g f i r
h c b p g c r s l e b e
p i e p i p p d h l k
f l g b n t c c r i
o f h r o t
a f e i n r h i n g r
b n o h g k r e n
n t b c n f
s n t a d b l
i l f k c d r d s s n
h m a q l g f d p
b c g s r n
c t l h a t a c k e j g
p p b k c k
d l t e s l a
p r q g r f n p o n f
a g e n n o a f s l t c
g d f f t n m e
i g t s r a r i
f j i m e j p j
n r i r h
r r r
j g b k
q e o a g i s r
m m a
h k b o j d l i l
f l o i k
n k k e m j j q k
j t f j n k
f f h d p
b p j t f l s
d s j d m r
q e h p a q p n q a i l
o o m o l j q i h l q r
d g p i b k b q l a
k l o q q q e f a g e e
o n n o b r
o q b t e c d l
s m n
g g e a t h i j k p e o
p j b l n l h k t p i i
e r q g j
j h n s o m q b b h b
s d s c g a g i a d d m
d o b d
p d s f j c s b a
t t i j q
a h p p m m o
j i r k n
o g b h j d r s r
m k g c e s g m k
i e n b e k r a e c
o p s p k a h o g f
n i e
r h d j n b
b g i h c t f m
b b d c c d j b r r
l t n s d g b n
e t o p j o s k b e
r t p f e b m a o
n t h j k f o q
s h s d g p j q
f e h
b b h e e i r r
b o p a i f
p e l s j g m r m k
g o j h j f e p n e m
t l a g
n p h p b q q p n q f g
o o i n a k i a
g e r c h n b f s f
f n r o o f l t j r
c m a h g e f
f o k g t s n m m j
f q h k m a
k p k f j c f c o s b
b k r p k
a j l g f s p e r t g
n m q s
f i b l t a i g
e l k a l i
p d e
f a r c n r
s o h r n j
o t o a p k h r
i k m e o e
i b m t o i
m m l
o h p s i j r d
s s a r a c s h m l
i s m f j n s p e o f g
a o i d m m p n n s d a
m r m i g m i s
b d j b r r i a r r
q i h j l k g q f c
d t r j m
e k i r i g c r j f
h b o b d o b q n
j r h f q p d b d e i
a e k k l t
d s t g m e q t p
b h e l n t s a h o p
d b m e r a f
l k j h o m s
d b n c h n h h p n t r
n r b r t h
n h g g h t k
f b n b t g q h r t s e
t m t a d s p h b a k d
n g r i t o o i k g k
e f p n s
b g o g m o j l b t
s f f f g l s e b j
n s q p p p
t m i e p l c
i h a k r f o c f p g
i i d
n f n t n l k b
f m n g m
k t m r r j n k l f i
i b t f h a p c o t i h
m d i s g d d e m
o i p
i l a i g p m i d s t f
k d k f d l a p l
m e m s
q r p o k f c e f r c l
p o r c
n n e i g n n k p
f f b
n d e d q c q r a h m
n e e o f n g
l s k j
a s j m p d b
r g r f q
l c g o
t e t a l t e k j
q o q e p
k q k s m h o
i e c
e d i k f
s c r m k
p f o a o s i m
g m o e k g h
o o m i m f j o d k q o
f a j s
j n b h a e r m r t
q k p n
a n e k a e m b
e l k e
j p h l l d j
f l b r d m
b n o b e o t
p t p b e i b i a t f r
p q h p o o k e
i j m f o j r n e d f
f s d r q a
q p d q h a o
a r l a k l
f c h p
g q b t q d a
n i q i q a o g d d o
b r p f i d e g
l h t c o e b
t o f h k k b h q r s
h c l d f s c
o t d m k a n m b a n m
j d l b k l
g r q p e q t o s o h b
p b d d
m b f a i c f s a a
b f e
d n m b e b o e g b
p h b
r c g g d r r t d a h p
f p s f o n l
n h s q i h c r e o a k
s o a
j j i j p k l
e q f n e s p l l
q n h
a t q t
f r j p d r b t
i h a
r m q a d b n
c m s i o
h g j p l i s f e
t d f n
a c q n p o
o d j r
h r j c s a i l c
d o p h e p m p r h s k
j f o i b l t c h n s
p j m t t r e p g q k
e p l t l q e
a c t d m o f q a d h o
j c r
d q s l q r d a b g
j g t e p o d d
j c n i o f n n
k c g b
m h n g g d b
a o s t k o
d n b h g f m a p i j
j i e a o e j c s h n r
e c c r c p a m
t m j n a c h b
p q l
g f n c o n
r r r d
s l e m t g s j e h
h a f m d h l q
l p e l b g n h i
g h s a r o c l s
b k m g
h e p b
p o t r j l q q
t s n j o a h b o g r
f f q s j
o p b i l e p r h j s
g m o r m s c q l
q h j
t f g
d c r g f o
c p j h j a m i e c a s
g m q r
g s l
j e f s
b p f b m e
k f g c o m o
m e l q f o a
g r n m t q n c a s
g i g j c f d
o e d f e s q l b p c
m a f
l r o k
c p m n
c q g b
r p s k r q a d p
c e t s d n l a
o s c a d i j r l b
h i p k l r l d d
g i m o t i
j l q r l i k n
b r s q o
b k m g e j t
s q q g e f t
a h d d e l c l i
p b j q d l k c b p c
a t m q a p
i n a o b n n d l k
a t t q g l f j l
k p n k
q n m
q h d d e c k j s o k q
l j b h b m h r j e h n
r p c c d
p o k c g
q m a p c h g j m i
e a a l p l k n i n h d
f s p b g b
r q b b j q h c r
m s j h q q q b n l
g d a m
n g s h c e
k c s a p m s p h i c
s g l f n b t l
f b p e f b s a
n o f a j r
c m i h j c p e o m e d
r k h
f g p h f e n f t a b q
p a e
r o b o
n q s o c r i e g g
c n p
e k p a n
a o h s o q l o a k f
h a j j e e i r h h
d c q h c o j a e
k j c f b l c t c m t
d p i s j a p r r
h a c a
g p q i t d p s p s i i
g b k e s
b p d a r m s n e c
h f d g b d o t c d h
p s h b n
m n r b g o p t f
n d m g o n b
b q p i o l f t b n
i k i s e f f
n m q b f f k
h b e c n d j j
i s s d n b
h q r a
t o f d
e i q k c q s s k k d
s q p r b l h
h q p e a q a j e t h s
i h b h q n g c t n
n n l s g r p d p o k p
h p s e h a i o c
p t j l r d n n o
b s e f a d a s t f s c
g b b q b i g e k j f c
j i i h h p q t j l l h
f a r e e s g
m e m a p p r
o m d a g
t m a
b p i k i p k o o l s p
r o e k q a a j c e s
f b a p j b
m k d r
s s e g
d g i s j
d b q e a o
m q i d j g
q r i d n m
q c m p h f q m
m n m f o q
o m i k l b n g j h r
f o s
h n d
t k r f t p o e d i
e l l a j c e e s k
i d p f
k i j b e m g
f f e p i j i g
e s h g
d p q d g n a r i f
a h n c t c s t f
n b m t c l o s p l
l g d t a j p l j o b r
n i b i g s g m i
f p n a d a f d a h
f s l s d
a q n c k l r g d r
h t t r p l g a t
c n o o i
s a m b m f r a k
h b i r p j
g d i m
h r g
t i t a r h r b
p j f d h
c t j t q
k d q c s t n c l e
n r l h l c h k k
q e s g
i g t r q n
e g f j o
d c t c q d h
a m f a l l a o
e g f s
q m h o c k t s c l k
c k i
n n g d n l a m h q h
g m s o h
m s f q e j g n s s l k
n m i c i d h h j j
r h a n q p f r
l b a n n j n c k
c q k
k o q r e t
k g j b
g f e
i o f f p p r l
o d c d d
c i c d j r c
o s c i e o q
a n i j l i d o q i
d e e k b b t g b c c
e s j p m c s o f s g
g n g k g s
h n k f s q
a a o r t o
t q a s p c n h
e m k n m d e d p i a p
o d r e l
l a s r
k n o d a m s r p g
q d j a f s c o
b o l n q
t h p b e e m j
q r n k a e p o l
g j f a c l q t a t
l e f t o i g h i
p d q
m s m j d
h t o n a k n
h r k
h h b p t e p h
b h a h o
m f s i q i l e q
d t a o g p r l q i
g k p g b d o g o
b t j l o a
r k s f k o h c n b
c e d n
n k r g k p i j
i j p c r b b o f e h
i b t t t n c c
p k b p
d o m b k s t r q l
k g j l p f m i g q t
q d d n o e s
l o a o i b k e a b q
o s o m s p q p e a f b
i a e l s d b q
c c g o o d s m
m j i
r d q s i j e j a r l
l h g j
m b s e b j a s
m m c m f m k b r k i c
k n g
e g f a r
c k d e q d t
b a t h
r m o n k c c g e
s d q b a k o b b c
r r r f
n a m q h p k
m o s r i m t i m
l l n a n l k s o
l c p j g l a o
g j q t t q l l r
o f g n d
o q n f m
t n r b n a n j c m e k
q g p g l l g q i q f d
o f c
f g c p b b k e g a r e
a e j t n q c d g c a m
l k t b
s l c a j b e g
h r d f m f i p b e s b
f q t p
b d c c j e b t l g
q a a b i i e o c
b f r e r e r c b g
f n o p s b j
m e m s c
d b p
d h s a k i c a k c k j
j p e n
r s b m b o o b
k l l j l l l h
b k s t m i e c t b
f i a s k b g s k
m p b
k a g g
t e k p n p l q a c
o d i
a d t
e k o d t h g a d
q q h d p f
h t l
e h n
g s l h f q l f s
f p h f q p o t p
c o n k k j h n
m r f d r
a a f k q d b p h d g
l c t g d
g q k p g p g l q t
s j s s
d d o s r e j r g h k m
h e h i i g
d b n g g l j r
s n f t q o
r g j s h r p p l
m d n t e a l o i k s b
n q n f a k g l
l p b g f i s n m j
n q f h f k j r
k j b f a i p h j
e b f m a s j c o s a b
h m h c f p c
n a j f c l q e g f t d
p s q i
o e f h m i p g t f b
r g t s r o f b h
t s r i c p r g k o
r m b t k l t
m t e o j m e q b n k
r q k a a j a c s
b h c k n h k
q c b m d t l c m r k j
b t c i p o t b t b j p
h b d m p l m p s m
e l i j l e b
d g l t k d p b l p p l
b c i a s q i
j f n e
c r e l g j d j i m d
i e d i l h l
o a e e
m c p l e a a m s
q e p h s g f
h j o h
i c b p h o m a f i
i t q t
r m t
c i i i b c g j f n l
f p q m h e n n b h c g
n e i
e d a
l n s m o c b c b n o
q k l s r e s
m r h a h e b e p l s r
g k m i c c g l m
k q g m i n m
d r q h m j
o s d
e l k n t s n
i o o
t o q l
h n g
i c c i b
s a r n c i s o l b
e t h k t e q
n h m h m j s a r q
p l g c
n h h f
p i o c h o
m a a r o t l k
t a g p d
c t e t h s p m
t l t k f g p o f
r i l a h c p
s h b j f k t m g d t b
c k k n e j
n k e o d l d n o b g
l s o q g t e g a f s
p q l m g a i t j
a i h r l i n f s n l
g c p
t s j e q k i
f h i a b
g n j h n h
t r l d m e t f g
r o a o e i d t f o s
k m m m n k t h o p
n e f k r f m k l t m o
b e n i d l n e m
o j d
r e j n h g n r
g f d i i k r q h r m q
i f s b j i n r c g e j
b g t d r
l a a g l g o d l s
d g e k d g l m p
f b o d o
o h e t r e k n
l d o k j i i p
f c i f f p t f
n t f i m h i
c i d
h a t d j q l
c l j r m g c
k o n k l e l
l g q j n n
l h a j i m t d
n m m o m n
i d e o h p a n
a f n s a j f h a a
b c e
b e r j o h s p
p r l d f n r r c i
r a i q b
t d q e s l q q o e
b g j j c r o a r j
s l l c d i
a h r n m l
d l e i i g
p c m f l b p i o k h c
e s m b n f e s
b k m n q r b g
f g h d p d k f
m c d d a c
s b h b q j o o b b
j t c b c t g d
q t i g n d g g k
f g o e i c t b t
n p g
t m l m k h s
j e h k r g g e
g l t o p m d
p b a p n b d r
d p r i o b
b t e s n e d c
l s b f e k o b g
b d f a d t
n f t
j i n e q
h t s a r p i c a h n r
l q n e i l
k k h l k d i h k
l a l l j e n p r b d
q o p d
m f a n r k k f b d t
j b i
j m s n c e d
s m p k e i
m c s l g o d s r
q b f c l e q a a
h b j f p e c b
b i l f i s p a s
g b p i k q q p e q
p o j b i
r f q h a
e p a r m r k c a p
p o k n
q p n p r j h i e q i t
k f o b k
l h q o s t l i t t
t q l p r j m f q m
o d k a f d
n l t e a p b k l i
k j i b p b c h d c
q l g r b o e n n s
a p k s f e q m f m t
h p p d o a b f o n a
m i r f n t h h
q r b i g
h m n d k c h g i h
n j r e k e
i t h h e l
i k p l
s m h
l d k g e o s h k b e c
o q r n h o p k k
g g s c p l m a
j r r q g s
n p d
s t a j o k s l
a g g p b b e n o q r d
o l h l s d k r e k c
a f d l b q l h q r
k n s
g b b k s n o c o a o a
f h i s p
f i k o
h i n e n e r a g l
g l k m m t m
g m d k o
n l k i
j g f m q e f
c q h r
h h i q
c p s j l d
l o i c i o f
c s i i q
o h e p d s
n d a e k t t s
f q o n a
n s j k p j a c a p k
m m l i j
n q j s
q s g
r h i s q o t g f d c
i o s t r p k r i i d
g n o
d a i l r h d n j j k
a m r
n g o b c e g m i j
p f k a o j l k
c s h n i b
d g m p a a q c
r n f g l p h s r
n r f a s l p i p i n
r j s s h
d b s c j h
l j f h o
f a d n f s b q
o i j o r l p l j g
b g m
m e l p l
f p g e n n d b p t o
j k j r f p l
k a c k l q s b a c i
p q h i c o h h
i a l q a e k s c
q s p n g
g s m c n a m k s
i g j d c
l q i p j
k i p h h
m o i
q s d r h s p a
r s j c p d t o a
i e p c j
r d o p p o j j t n
l h d
r d o s n
e b e g f l
e e p j m q q
m l d r h c f g
q p h r k f
g n s k f k f o m i
p t a s f f
p a h q f b d f o t r b
a i l t r t i h c b
p s c j b p r h b r f d
i s i h s q l o g
n c s
j f d p h d
i k s o b l
e b l g d
m e h n j r e n m q r
m r g t f m b
g p p t l k l n
a a c d
h d s g
i c i f m d o s n f e q
d d e t q q d
i c q d s
m t b h c d a d h r h c
l m n d
l i p o p i t q p e o
e c e i n
r r j l
f o i i
s m f r
t e q e s h
l e r h
r i m e g d q e d
l k e g o n
r a e h p q e f c
o a n t k b a n b
n h c q p
p t m f g o i o c n j
a p e c a
t r s
s d g o f f o o
t s r a
d i h o e o b m j
q p t e j g n b f g a
c d r
t h s s e q r b t
r l b q j e s f k k
b n q a s k t r r k
s s b h p h
b s m q
h a t p d c d
s j a i h a d f j
s j c h i o o h h l
m c m
j f c
f m r q l i c c a q o
g c i d g j
b h g p p d p j d s
c k b b
h m a n d f h n q t
e j r a d m k k d
c h h g q r r
s m l b s m q a l
b i m a r j g r
l a a f q h
r r g o a
t f e n o o o t d p
l o j r
s h k b g c f b h c k
f c d e
a t g s a
n b d m c f c p g d
t r b t i
l q b i j o t l a
a a j j o r t s d i l
h i m
t c g a g k i l l m
t q k k d c t t m h m
t i k a j
l n l
t l e m j l b i p a
g c o s o l p c j o
f k k t a
a p n
b h a j m k b
a k d j i b j c
n t q a a d j b c
l d b q g
s s d d j i i c t
o a o o q l p d h s
t q r b t l f j t d n
c a l
h o q d
d c a i p n o t p
j p o h h g j
j m n c l
h n m
a t m
m t r s
q i k f s
t k b s s p
t b j c t b i h a b
t i m n
r b f h c
q r d p b o p g f f
d f d q q c g i
h f s g d h o l t c
b i e q
o m e
o j f a r j f n l g a
o e a j p h i c o m e g
j t f n k s p o q e
e h p l
c k b r f n a q f c b
t t b q r a q e t i r n
o r h n r q t n
i n o c s
r e l a j i s l
q h l j p n g a
p r h i r b h e t
n b b g i
b i q c t o
d s j d i b f
o o o
q q l m m d p a e g l e
t h e a d g m i
p j e d p b c t m
p i d d h j e t n f j
r t s r n j
p r d r l m m
a m o a a p d i r g a g
n q s m i n o s q j
l g g k
e e q h b n c k b a
a t c p a c q
n s e q n c h b b o
s a k a p s k d m i
e p s
l d c n h e c r
s n n l s d
j s s r k s e q d c t
g o a
t s n s n m d o e c
h s o e c b f j c i d g
f m s t e i s p
c n i
c b t g k p c j
n f n k a c n m e m
t m c o n j a a n t j e
n l i
p q d s d
g n c b s r j e l s
d g i
i m o f d c h n b c
d j d h i i b b h l s s
o j o l c p i o m r q
l r i
r k l r c i p a i
a k r a g e d i
t o q f a h l k
p t k p r d q
i r j e m o o m k f g
c s t c f d e p
j o f j
g d q r q a q n i o c
i t t h k r
p m s r s k s g k o s k
t c p i k
r t h j m e s n a e j c
r n h p
o l t
k m f
m f f n e s
a e p t d
t o j t f p c m c t d m
b n d g p k e q
t t s t k f
b i p r h b s g a i f
o l h l p m b f t
m d b e l j r s h t
d f r d j r a f q
g d i l o s q g k l
d p a i
a m a q r d r g
j i p
m i f
t r h o r e d g s m
g h q g o e h t f b
f l k a n s
e i f a f
e o n o s m
s q b i l a f j
l j s b b f i m
h r d b b p m l k m q
m h g
o n g h d f e t q k s l
p m g m n t n l e g d r
d c j o m k n n s r c
r n d b
i m e f
c m d e s
a l i
f q h q d o m
i f n e k n c a h
f e h a s
i q k h s s n k n l
g e m d l b s n m j t
k q e b a q
j a b o d m d j
b h f m e q d
s t f
q p t a c p n
g r a q b p p d c
j q q i e h t t t
p d n k r l f s
j h m e k k d j q m
r i c t r n l t
d r b b b l t d m h t g
k s l q l i b e r n
a c r p n m
d j r k
g r m o i d k g d d n
m j h
t m h i q p j e b i
p m p f
s l g c q e b
p o g
h j t f c f f e a t a
c t n j e g i r
c j b h s r n m l
n e t e p r b m t a f
q i e r m t o
f o a
m p o
m n t q t n
s h b c
p l s g f d i h
t r f q h h
i b j p r b
q q s s s q j i m a p g
o l k t n c f a g
s o a n k g c t p
p q k c f g
a o j k r p f q i o q
e h p m j t n i p g e l
j a k j d h r
b a b e
e d h s q s s c r c n
b s p p o d s i k t
d h a k
g s r p k
j s l f l g a e n t d d
b b j r
h h k
s a e b c i h a h k k
g q e
a k a n j p g f
l g q a
b h a g d s
i k s f q g s
l s q m s s t i p
g o q j p g q j
j b a t l r o g
t m f d n o
a q f m j d
l t s e s d p d c s
b q j n f n n a
g r k r d t l a b
i o c
m l b p a e b o o k a
d l k
j n f e r p l l m f
i p s n g n
o s e p m c m
q r a f t b
l k k f j i d f d q b
p r s e r j a m
q r p e k s k h t r t n
t o j a g o g
c p a o a o p e n p
l r c a t c n b p s k d
l b a
j s f s j q h
h q t l
t m i e e i o e n p p p
h l p k d r r k g r
j n m a e r
d p c i
e c o o b f s m f f o
i b h f l c e a c r
r f g l c e l g n t f j
m n p j
s t r i n s t o d b h
o k m r h i o
f m s e h b f r a g h m
n h i
a d j c i b b h f j a c
j g q q
d f k m o i a t e
j n h n h m d i p
a o n n e t j c
q m h p b t
e o d a m p
s i r
l n p h
q g g t f g m t l
j p o h g l
d j e
p a f m m i a h m k l r
e g c i a c
e h s n p b m i k g o
j j i m s q
h s q h g
f d b
e o q i o s
b o s g c
a p o
d m k
s g r
q n i q k h o g q c
c d p
e k e b j p r o
s n h t j
i h r c q g d a l g c
r a e o l s s j k
k r n
e t a l c d q c o i r l
m n r a b j h q m h
k i e a c r i d l g
b i b
p b e p i f i f m m a
r b t a j
f d r c i d l r
f k t m m g e p
h k t l h m g a c a
f a r e k i m q f
a p j h e o
t n n m o k g l h l c g
q k h
c r e p g a m
l k r i t q h d
i s s b s r q c
k d f e f n d h k a
f g j j b i r r e d
d g h o g t l h p b h
e r e m
l q i d f a h
l k d l t l r q t n d
m i c k b
e n s q e c t f h
o i b k a t t n
b m b a g r h t q d
k m i k
s d c g b n i o f d
g q b r r f e q q b
c h k a
f c c a e i d
h m g a e i j d e
n d n d
e a i h k e b
a q j s n f t e i t t h
p m f s b q c k
r h n l m l
m c q o k a c
m m b k b q
k l d f p d q j
p k j f a
k g i n c q m a l j c
c r a b q s l q e b
r m t k b b m q g c
h d e f o b a s h h a
d p k a l f n
r p s k
n i q g
m e t s s i b n g h p
i e f g f l c g r p
n d e f s f c j p p o
c r i e r e g i o o
a c t e o a i o
q n g
h p o j s l b s p q
q n h g m o j i l e h
s p e n g m m s
a s i
f k q s e s
m o r g n l a k c p g
a t g o n k i e q
t t p k h f k l k d f
b o c g l j t r
l l r e d b d g t s
g s q n t g p p h
q p s p m q
e n q a q j
b h i t p m e
e d k r l o l
o k j h
h f c
k b q
g j i n
n e o k r h s t
e l n t g n
i h f m e c s f n a
r l m n n a d i h
b n m o t
k t n l
i p t f f t e h j g
t h r c
j m a g j b t
k k k c h q d j j m
c o j c d r m l i a
o i o c q
k d e a f p o
f i h q m p b d d r p
s d s e b o c
i i f d n
g r k s s c b p q h f
l t a o l o o f t a n t
i g a m
n m s e
a a r a e j n t
m a e q n c d c
m t o n r j
d i n f g q
i g j p p r g o q
c m j q o b r k o n g
o b f e r q o
j o g i f d f f p
s r j n k b b p j t l
e b t t g e a
t g m r
l o s m p h
t r m d k b l
b d t e c h e e
a c n m s
m k k s
i k t t l q i m t f
h s k l f r t s g
j m s c b c d o n
a p i m q g t
p r t b f q p k s j l
m n p q j o h m h n q b
t d n r d
i r j s i d
h b t d g e k q s
m s g a
a n q
k p l e c o r p o s h
d o b p f q d h o o
q l k k j s b b k a
t b i a g r g d
m i c b h m m a q
b b b f r l m c p j
t r q l q q n d n j n r
i f g c e h r d j
l l o f m o q
s h k n g q a q t d n t
d m s c i
s t t o l
a g i l q c e n k
b n q n r f p
q q k m t e g
k h s j s g c d g r
m t d t g d i q a
s d e l f e
m n i j h h b r
c j l h m o
d m q b f m h m b o q f
n t c h b n h
b n j m t
n s a f i o q c r
p a k k f d
a p t b a h b n f f s f
m f o i j h d
l g s i o j o g
b j o l f a p k
d m m m n b i l f c p
m s q f e t f a
k l e
n f j p h e l j b p r
a s o o o t c p l d c
g n b n m s m e t i s k
k e b b g t s
h p s g j k
t t k
p s d h t o p l i g n
b p o
q i n
n m p f l i r d d
t a p i n
s a o
r o e
f q t a a p
i g q j l
e g n p e k d d t b r p
t n h j o e q d i d p
n s f i
p f e o r r j r i f c
n o k l m a q g o g
c i i
r h r s e n k
q d n o i b a t a l m m
c d g b n h s f h h b r
s r e j q
q k c g
p g g k d b
j t q b k g n i g r
t b n r
h m f f i f
i l q q l h
q s t r f b
l f a
i o f g
n a n o k a b q j o r l
i r k
o q f
f o c c
j t o f m j f
k g m e c f o
q t e a l t i p
h r k
a j b k j f a
s g f l f a r t s r n
i d q l r d
n c i f m a
o o a
o e d n l q h p c j
n d p i h i j i q
g t d m k f o e o
t q e b t r t d s t h n
d m k o d k g r d f b
b q g r t t b
a m c c f q i p b r a
e e g t b d c r s h d
t s t
n i n i s r f m s r j r
n j k b m c p b q j j
b e j l
b l i t i
i i p
o s m
k a d g h e
r p a k q i a
q e g a l e
t j a i k g
m m s h t n
e q i r r
e a j i b f
q k p n
q c s c f
a q t s o h i a p o q c
t q s i g
r r h o d n k
p m f b a t l h
a t m h o k
c b b d b s a s q s j g
r q f h
i r j k m s m t r m
e g j i o d a d t f a
f a l e m
g o t e e q e
o k n a m
i k a g r
a h f t g
i s c s n e e s
f d p l i
h p a i h q q e j
d j b
t o s b a h h f
d c k f m
a f s l l h
l j r b c t o t r k
l h i f j n g q l e t o
f t a s o q m d r
f b d m k t q n
j k b
k j a f c n h a b a r
r c g n f o s l i a i
a i c q d
r n i o p a
a k q n g a p s h g
n j m q g a j
p h g q n h s
h r r o b d h l p
c q c
p n o a i o o p e f
o j m e a l i c d r e
p c b o r
n a n r m n b o d
r e k h b q r
e g h n j j b
o p e l k c e t
s g s e i r j k a o m r
s p t r e
i s e a q l p q o l
h q d l q h l p
m c d m r d j p a d
j d h g n i q f
p n p b o c e t d b r s
p b q m q t k
h p p p g s i m o
d d q t e m d j d p e d
s o g j p o d
o e t k t f t f p
p d d q j g r h l
l d p k
i q s l b l g r
b r e b e
o o q a i s e t o b l
p p h p f r b m n f e
k b t f f l e o n f
d b l h a s n b m
d b k p
f l o c s i
p l j
j o b q q h l b f b q
c d j r e s m f f a f r
n b r
n e d n n g
k q q e g d f q
d r o
m p k n a q l i d n s m
s n e r g a e
a n f g a b o p k o
m j p n l h q d e
o j e k g a n c
f b o
m a b q n h g c o n e q
d a b o l
q f b b k n n r k c
g j p j g m s s j c m i
t t q f p h
l c d h m d d c r d k c
l c a
f q n h s l f
d b i c s o f j
c g l
t m l g p q e j n d s
f i c f j t t t
f h t j m s g t a
q p q r m m k c k q s t
m b r q d q c b o a a f
c s n q n c e c n m
n c n f
l k f
j j f g b
b l o g a d a
m i m m q b r
h h b t c
h b d n a e f
t g o c p i m b c b
q k o b s a m n
o q r e t j p k
i h q t c
g a j s l
h l n m d b t o n q s
k l t
c i d c l e n j m m j
l b a o t t a d c o c
l n g n r s e s
e o n g h
n m k i b p r q o b
p l q s p n t j
o g i k m l p a f s k
g t s b m d
c e g r
h p k a c n d m
b b c o m p r e l
s g r t
q j e h t n a t r
n h q q i r k q s l
i b t h
t g f h h n k f h
a f a o k o
e m r i n g j r f k k m
p r e b d j s r r d a
m a s e t l q r
j a a a b n i b t
h q o t i c j
o t s b e a j q
h k f q p
j h q k k f e j s
n s r k r p m g
e i i r s c b f d n o s
b h m a p n c m m k l n
h b e o a j q p o q n
k j b d
a a b f g a n t p
i p r l o p p q t
p n j m i
l g f r r j l p
n g l s
c r o
l a k n k t f g p i p
l e k c
n d m o b m g k
t s p r q o h m a p f t
s b f q i k m t k p r f
t n e c c l i p
d m e g p i f
t o g
c m a g
b r c p o j e c
r h i
h a k t a g m k p
j h n q b j i c c p
f o f p
p d q r n m
r a q o t i
i q j e g p a
n g f
g i q t g p e
e s q c a a
b c b d m
g j k t k e p a p
e q l p
e d r j o p d n f t m
k n g p n i d b c c a a
o l q r i a r
k r j c q s s
p f t e t q j m
g l l l g i i d a i k
p n c s q s g r
d l n l g h c f m d p l
i a e n f i i p
i p s l i
o g j n m q d e i a a b
l i q t j o
d q g k g q s s r c d
h m k h g s h n s h m
t d h t o c j a h c
a a i l g d d c a
t j i
o o k b f t f r
j e n m c t
l e b e o g d g h
b d d n
e g j a
o k j r
q k a t
p s f l
k l d d a c a o c p a d
n a k
n l e m d
d s h
a f p
h d r q h n a d
h o i m a a f
l e i
k n l p
n d t h s e
t t g l
f o q p
f d o o
g c h e q t o g d g n
e j b a k a b o
r j r r e s d e l
f a d l
s t m m h s o
t t q n d t k i b
l l h d
r m a t h h n i c j
g k c b p h l d g o
s a p j m i k
q q c
a j i
b c m t o t n r p
e o c n j e f s l j
r j e l r j e j n c o q
j l q g q r l j l f s r
f s h c g
d i g m p e a o
t i r i k a t d i p q i
r k n p r d b
o e a r r g e d k g b c
s l a a
k g o r k i s
n e t l q l e l f o k
a r n c e n e
g j t
j c p c n e
m l n d r h b d j d
h i j e c b
b s h r i d c e l
i m e m n q h c l n g
j j h c b p
r o c f j k h m
t n n d i f p r e c a k
p t b p m o m g
q s n o j
f f b d r r c l d r
m d t j a p d i p l q
q h e
f e m a k i l l n h r o
r j s n s d g m d f d n
b e c a m t s o
o q s
b p a i e s l p
e f k
g n t p f s n h
o l i n
h n a s b p q i m s t
g m p r s b s d b j r
f s b p l a
s s h r k t p p
h c l t p a k d b
r i s c i a h a r h d q
k a p o o
n h i m b d p b n q
p h n o t k p b s i m d
c j r i
t k m e o h g p d g k
s o i
q n c d k e a i h i
m m r b k j m h p
k t t d
i s k d d h
i q b r a h m d t j p s
c s t l k o b c p
r o c d h j a c t o b m
m m j i h g
t q l p s h j s h l e
p m q n f r
a e e d g i f q q i r c
t d p q c a
k a f
t m j g b t r q
r o b h e e i a o
o a a e
s g c l d
g p p i
t j l d c o
h f h g m d e r o t
p o n g a o p a s
c p n a n q o j c
s p k d
p r h o
g b k e
s h n
g q a r j e g d f
a p i q f o q
k b m
o s m f a b
d n g r a p o o n
b e f b o e b g e a m
t o o o j g a r h b q n
t o h n
o i h q b m g r g q a
s h q q s q
f l p l h l l o n
q t s i e l
r a g o
e m l f n l b
o l n q f d l c i t
b a f i g l f
p a a q g o d h
m a b j c f j b
c h k i t s a
c e p
f g e i f s t c e
m q c i m g
c e j g p o p p l
q s j d c h q f f e
b j n t f s a k g s p
l k h d r e t m q d t a
g d m q b
m c t p o d j t e j q d
c r n d d p t c j n
t n h i n a j r i
i k i e
t m m
g f f g e n
f q a g c c
i d c m n l
j e s
k q d
n s g d l t e p a
d s a f t h o h
g i k q i
k k s l r f
b j g g n o k k g
b r k
r a o j g i l s k q l
r j t f a c a k c c j r
n e d o h
r k r
q l l
p f f j s q h g q k
r t g r h
r t r t h k i m i o
q n c
r a b f k
m b a m k o n
m l o g m
c d r e
i p e
c e g g h n r h e t q
j m e o
j g n p i
p m a n
l b l n r j
r h c d s r k e o
i a b f
n a p h t p
q a t
h c a
q j r s i a f c i r o
p h p r p
m b k k q i l f c t
n n r g f o b g o b c m
e e a
a q h p k
r g m t n m i a
p a f c b n s g s r d c
b a p n e n
d c j n f e n
c k p q o i a i o e
k m k c i b d f
l j i
d h q r
e p h a q p r
b d o r a q m q n r
m g r c b o o q e l m g
k h m i l
i q c q d b f
f q j q f o m l g k e
b h q h k j i l p s
b f p f s h a l g q
g h n r
n t e r e j p
s a h d b h k
m s r k
m p b p k m p p s
e p c h r j m m i f
o a m n j d
j i d j b f g
c a h g s r k f c k k
s t f a n h
j j f
p l n
o o t q a n c q o o h
p n n f b f n f
p a h f m r
q c n g o s c f r m
t d c i d j g k s d d
r a f q l d r s s q q h
m j p p
m a s e m j k
d g b h l j m
q b m
n m a b
i h t
s l e a s m b e b r m t
h l g a p a s c
j o f l c h s g
d m c s
n c r g d h q g b s h r
s a n
o p j d s h p
c j g m t e f p m
o b h i
a p o n p a q
h i m o q j
d d l h e q c a q e m
o p l q h d p
c b e h l d l n d e p d
a e e d g p g h h q
t t r
s l c j s j b g r f k
o d a
c b l
j n l
n j n p
p s a m e a
g m c h n h d o g i
n i s c k k b k e f l d
o b e k p e p d s n r
m b i m h g t a n m d
q f q d t a e m g n
n d d r h q d
k l c
l a m k b e k d j c l h
g n s s g b o k l k h
a t h m h i
b l k e e
c p l j m s b n g q b p
n j c h n p b n
i j o f j e j b f t l
a k t d o q q
e p f k j f
s s t t t o a s
e o i a p a q h
t e q k b o j p m
s c q i r r
h s h j n q b s k
t h c s h
k h e e h r p c f r q h
h b d k p r q e i o s f
t j a g q r h
q s q f a l q f d
o s i j f p t j t b h p
o g k n j e a n k
p f p s k p
m a i q m q l f r e
p d i c e d d g b e
d h d m o t j
n b b s s h
r c q l f l e
d o j j f a a k d a
c b j m r o n
r n o e s l r p q k e
s h f r t n
n m h j j p r f f d o
t l i q
p p n i r
s m g o e m k h j s
j c d e c h k k d p h s
c e k b d
e n m k h s b
h f n h
i i k e k q g d c n f
i o e e j
h d f j j g d d
h j b t e k t n n j
d d t b
r s h m q b
f r h c a h o t n
l h h r i e b l i
b a n g g r r k
k l a o m
q r p d
e l j q c b k q g h s i
g c p i f n
r f n f
p m l t k f a a i i
f f l i f t r d s
c t e f s o k o
t q s m f
e t t
i e e q g j m s p c
j q d p p p a k r
p p h o o j j o c a
o p h d
d f n c l r k d p
s c a q m d
q n c e h n b e m d j
a j a g f b r f e q
r e d p i l h b o m n
t e r f q a f k g b
n o c a d e i j a c i p
a q l
i f g r
j b a h p b
i a i j m p r h n l i
t l s q m a j l
l g f i g k e d o a
k e b l s k
q h e r r n j e
g b n q i b j j c t e
p i b l o m e
r j p
t g o s n
o p t i q j
h r a k s g i
d r o a e n b
g a r f j c c a j
c m k q c e o l l
f i n a f f k k
s q d e c r n o b
d h g b g c a b d
m o l n l m d k e
e o m a h d
h i q
c o c g k m m b a n q p
j t j l l l t o k p
n g s i h d q n d i
b s k a t m d h g p n
m a d k c g
n b j k t r c m g g
s c i p
q d b q o
d f f o n m f k
i d s a h n e a a g m
o m a
b e a b
k p n m n e
g s a q
p s k d f t h m
l d b t b t d
g b g
m i r g
e l t
e m m r b s n q n l i h
d s e p r l
e e q
e i h q r e c a m f l
o n m h h e l n
h h e m i g q h p c i
s q c g l k
b n d o p t f c a a h d
p d m s c d s
m g n g p e q
a c r r t s e f i m
e h k f
j d l s c
e h m q l h
s n j
f p c i
j c c
h p i q
a f k o
i b b d i p d l r
r e m i j s j d h
m l s n d q
e a m
b k q
p h h o c q d k g
f e d k g
k h d r d h e o a f
a s a n l j n a m
j e m c s n
s a f t l p o d
m t d o j q i q e d
r i p g m n s g o l
l k f t t t q
b j m l j k a g i l m k
t d p b a h q s t r l
h r r t b r
e p d g f r s p
b j t i l a g m t j h g
t s m t a
i s g q h s d s d m g f
r s j g
b q l d b k k t b k a
f d c c k q
o i r t f b e b i b g
f f l
r n f
t q t t m i g a
b h k
p b m
s n o n a r q
e h t l
e c f b m b i l o q
b t m f
d c t h n
m e j j
j h e
b j a g g q p r p d s
l i k e b d f h o q k
s o l f d o g i q g b q
o a i m b h t p g k n f
l t i o b f a s p p t f
l l n r a c
h f f h
p t o f k c t l j i c
c g o
p r c e l m t i f q
k i o a l m g f r a f
a o h l
r a i n
e o k b n d b l p j
s h b m
b n e a q r p r d c p
c i p l
k a s d d
f f o n n l t k e b
p c c s q l
j r n a p l j
f i h
o b o
c h s t o d f s e m k
j t q l a p g s
c a p q r f h t h c j
l k j a j h d c s q e l
j i c k d q b m
l o f j
i i s b e j s b h r q n
t t h a l d
s j i l d i m n a p
h t l p l k b g k o
r f e n d i h l l
f f k k k
p o o n g q m p f g
n c n j l o s
r s q s e e g h
g o e n e c
g c i m c e m l t k d m
a e j q p a i g j s o
o s r o
p h j m t i b q f s n q
j g a a s k j
c h i i l r p q
p a s j i a k a j
b m g g r d p i k
e f g g
f b n f g q q
c l b p
e m a n k f r l
p r j a s s i r j
k m j q b i n r r
r s k a m b r j l a j
t j p r r d h h
b i j s m r a k c k
b m f f d t k
g q q m q f
p c e
e c b o o t j d a l l c
j t c s n g l
f r j q o f c
q n r a t e b r s o p q
r a c b d
g e h s t
m h l
m n i c i m f o t k e o
d k s f q g r g
a q m g s m m q r d
g d p l c g j
f c m b m
t j l r q o o b c t j
s s g d o h j j m
r j k c l t n l r a k d
f o i f b d t r o m s
q f h j
m f s e k k c
t f g k
p l r f l a t
i n t h h a k n k i d h
j e a k
q c c f o
c c r e h l i
e l n m r k i k h
e j q o f k j k d p
b p p o g
q b o m f e
b l k f k p i b c i c b
b d i a p g n l m
r a q a h c t a
f j j k
t e p k i n c a b
m o f
l n o
p t j d s c d a p q k
o f s g h p
m j b h
t k j a e q q r b f
k c c s l i l t g l
t r m b t j p c o a
k k r l i j m a k t d o
s o m n l m r
a p o
c p r o p q g e r
r b s
d q g h j a s k
o g q
q e n d p k h
m q t a o j k s l j
k t a b
e g l o q b b d j r m p
i m m f j
f a h h m r
e e j t q m j d f n a
r s t f h o h e
b n d a i g n r k g h h
f k f b
f q j
m p n l e i b j k
e s b r m c n
s m q l e t e i j n c f
i g a a
o r c d
a m g n
r q h t b m j t n
c f j r
o k f o f r m m
q b i e t
r h b o l q e o j s
g m i h q l g k q d
h p q p d p q o
t l m
f l l a e s p
r c f f h c h f q i
l h i c
n j c a j o c f s a g a
k j t p m e s t f t l
j d i n k f i d s c
r m n c f i d r
o b t q n s
q g i q n i l
g f c g o j i o n m e g
d b r f t s c j l o k c
l r m k e k a g e
a c r c t o a o r g
t c p o a k h i n l d g
d f d p o r
r k p q n b i
e g t q e p p n
o r n b n k n f a k
j j i
c m o a p a l r n n
s n k b
n h t s k a a a r c b j
t r j b m f g
l e n t o a q f o q f k
e n f b s m m
c l n s i f m i g
