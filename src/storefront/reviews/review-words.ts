/** The review pages' and the product page's review words, in the storefront's languages. */
export interface ReviewWords {
  reviews: string;
  reviewCount: (n: number) => string;
  averageOf: (average: string) => string;
  noReviews: string;
  verified: string;
  storeReply: (store: string) => string;
  writeReview: string;
  writeReviewOf: (product: string) => string;
  lead: string;
  rating: string;
  stars: (n: number) => string;
  title: string;
  body: string;
  name: string;
  nameHint: string;
  photos: string;
  photosHint: (count: number, megabytes: number) => string;
  submit: string;
  optional: string;
  fixProblems: string;
  photoTooLarge: (megabytes: number) => string;
  photoNotImage: string;
  tooManyPhotos: (count: number) => string;
  linkExpired: string;
  notPurchased: string;
  thanksTitle: string;
  thanksText: string;
  required: string;
}

const en: ReviewWords = {
  reviews: 'Reviews',
  reviewCount: (n) => (n === 1 ? '1 review' : `${n} reviews`),
  averageOf: (a) => `${a} out of 5`,
  noReviews: 'No reviews yet.',
  verified: 'Verified purchase',
  storeReply: (s) => `Reply from ${s}`,
  writeReview: 'Write a review',
  writeReviewOf: (p) => `Review ${p}`,
  lead: 'Tell other customers what you think. Reviews are read by the shop before they appear.',
  rating: 'Your rating',
  stars: (n) => (n === 1 ? '1 star' : `${n} stars`),
  title: 'Title',
  body: 'Your review',
  name: 'Your name',
  nameHint: 'Shown with your review.',
  photos: 'Photos',
  photosHint: (c, mb) => `Up to ${c} pictures, ${mb} MB each (JPEG, PNG, WebP).`,
  submit: 'Send review',
  optional: 'optional',
  fixProblems: 'Please check the fields marked below.',
  photoTooLarge: (mb) => `A photo may be at most ${mb} MB.`,
  photoNotImage: 'A photo must be a JPEG, PNG, WebP, GIF or AVIF picture.',
  tooManyPhotos: (c) => `Attach at most ${c} photos.`,
  linkExpired: 'This review link has expired or was already used.',
  notPurchased: 'Only customers who received this product can review it here.',
  thanksTitle: 'Thank you for your review',
  thanksText: 'We have received it. It appears on the product page once the shop has read it.',
  required: 'Please fill this in.',
};

const fr: ReviewWords = {
  reviews: 'Avis',
  reviewCount: (n) => (n <= 1 ? `${n} avis` : `${n} avis`),
  averageOf: (a) => `${a} sur 5`,
  noReviews: 'Pas encore d’avis.',
  verified: 'Achat vérifié',
  storeReply: (s) => `Réponse de ${s}`,
  writeReview: 'Donner mon avis',
  writeReviewOf: (p) => `Votre avis sur ${p}`,
  lead: 'Dites aux autres clients ce que vous en pensez. La boutique lit les avis avant de les publier.',
  rating: 'Votre note',
  stars: (n) => (n === 1 ? '1 étoile' : `${n} étoiles`),
  title: 'Titre',
  body: 'Votre avis',
  name: 'Votre nom',
  nameHint: 'Affiché avec votre avis.',
  photos: 'Photos',
  photosHint: (c, mb) => `Jusqu’à ${c} images, ${mb} Mo chacune (JPEG, PNG, WebP).`,
  submit: 'Envoyer l’avis',
  optional: 'facultatif',
  fixProblems: 'Vérifiez les champs indiqués ci-dessous.',
  photoTooLarge: (mb) => `Une photo fait au plus ${mb} Mo.`,
  photoNotImage: 'Une photo doit être une image JPEG, PNG, WebP, GIF ou AVIF.',
  tooManyPhotos: (c) => `Joignez au plus ${c} photos.`,
  linkExpired: 'Ce lien a expiré ou a déjà servi.',
  notPurchased: 'Seuls les clients qui ont reçu ce produit peuvent le noter ici.',
  thanksTitle: 'Merci pour votre avis',
  thanksText: 'Nous l’avons bien reçu. Il paraîtra sur la page du produit une fois lu par la boutique.',
  required: 'Veuillez remplir ce champ.',
};

const de: ReviewWords = {
  reviews: 'Bewertungen',
  reviewCount: (n) => (n === 1 ? '1 Bewertung' : `${n} Bewertungen`),
  averageOf: (a) => `${a} von 5`,
  noReviews: 'Noch keine Bewertungen.',
  verified: 'Verifizierter Kauf',
  storeReply: (s) => `Antwort von ${s}`,
  writeReview: 'Bewertung schreiben',
  writeReviewOf: (p) => `${p} bewerten`,
  lead: 'Sagen Sie anderen Kunden, was Sie davon halten. Der Shop liest Bewertungen, bevor sie erscheinen.',
  rating: 'Ihre Bewertung',
  stars: (n) => (n === 1 ? '1 Stern' : `${n} Sterne`),
  title: 'Titel',
  body: 'Ihr Text',
  name: 'Ihr Name',
  nameHint: 'Wird mit Ihrer Bewertung gezeigt.',
  photos: 'Fotos',
  photosHint: (c, mb) => `Bis zu ${c} Bilder, je ${mb} MB (JPEG, PNG, WebP).`,
  submit: 'Bewertung senden',
  optional: 'optional',
  fixProblems: 'Bitte prüfen Sie die markierten Felder.',
  photoTooLarge: (mb) => `Ein Foto darf höchstens ${mb} MB groß sein.`,
  photoNotImage: 'Ein Foto muss ein JPEG-, PNG-, WebP-, GIF- oder AVIF-Bild sein.',
  tooManyPhotos: (c) => `Höchstens ${c} Fotos anhängen.`,
  linkExpired: 'Dieser Link ist abgelaufen oder wurde schon benutzt.',
  notPurchased: 'Nur Kunden, die dieses Produkt erhalten haben, können es hier bewerten.',
  thanksTitle: 'Danke für Ihre Bewertung',
  thanksText: 'Wir haben sie erhalten. Sie erscheint auf der Produktseite, sobald der Shop sie gelesen hat.',
  required: 'Bitte ausfüllen.',
};

const es: ReviewWords = {
  reviews: 'Opiniones',
  reviewCount: (n) => (n === 1 ? '1 opinión' : `${n} opiniones`),
  averageOf: (a) => `${a} de 5`,
  noReviews: 'Todavía no hay opiniones.',
  verified: 'Compra verificada',
  storeReply: (s) => `Respuesta de ${s}`,
  writeReview: 'Escribir una opinión',
  writeReviewOf: (p) => `Tu opinión sobre ${p}`,
  lead: 'Cuenta a otros clientes qué te parece. La tienda lee las opiniones antes de publicarlas.',
  rating: 'Tu valoración',
  stars: (n) => (n === 1 ? '1 estrella' : `${n} estrellas`),
  title: 'Título',
  body: 'Tu opinión',
  name: 'Tu nombre',
  nameHint: 'Se muestra con tu opinión.',
  photos: 'Fotos',
  photosHint: (c, mb) => `Hasta ${c} imágenes, ${mb} MB cada una (JPEG, PNG, WebP).`,
  submit: 'Enviar opinión',
  optional: 'opcional',
  fixProblems: 'Revisa los campos marcados abajo.',
  photoTooLarge: (mb) => `Una foto puede tener como máximo ${mb} MB.`,
  photoNotImage: 'Una foto debe ser una imagen JPEG, PNG, WebP, GIF o AVIF.',
  tooManyPhotos: (c) => `Adjunta como máximo ${c} fotos.`,
  linkExpired: 'Este enlace ha caducado o ya se usó.',
  notPurchased: 'Solo los clientes que recibieron este producto pueden opinar aquí.',
  thanksTitle: 'Gracias por tu opinión',
  thanksText: 'La hemos recibido. Aparecerá en la página del producto cuando la tienda la haya leído.',
  required: 'Rellena este campo.',
};

const byLanguage: Record<string, ReviewWords> = { en, fr, de, es };

export function reviewWords(locale: string): ReviewWords {
  return byLanguage[locale.split('-')[0]!.toLowerCase()] ?? en;
}
