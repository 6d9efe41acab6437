import { foldText } from '../seo/keyword-match.ts';

/**
 * Product options that Merchant Center has attributes for. Option names are matched ignoring case
 * and accents, in English and the main European shop languages ("Farbe", "Taille", "Talla" …).
 * Gender and age group accept only Google's fixed values, so option values are translated to them.
 */
export type OptionAttribute = 'color' | 'size' | 'gender' | 'age_group' | 'material' | 'pattern';

// biome-ignore format: one line per attribute
const namesByAttribute: Record<OptionAttribute, string[]> = {
  color: ['color', 'colour', 'colors', 'colours', 'farbe', 'couleur', 'kleur', 'colore', 'cor', 'färg', 'farve', 'farge', 'kolor', 'barva', 'väri', 'szín'],
  size: ['size', 'sizes', 'größe', 'groesse', 'taille', 'talla', 'tamaño', 'taglia', 'maat', 'tamanho', 'storlek', 'størrelse', 'rozmiar', 'velikost', 'koko', 'méret'],
  gender: ['gender', 'sex', 'geschlecht', 'genre', 'sexe', 'género', 'genere', 'geslacht', 'kön', 'køn', 'płeć'],
  age_group: ['age group', 'age', 'altersgruppe', 'alter', "tranche d'âge", 'grupo de edad', 'edad', "fascia d'età", 'età', 'leeftijdsgroep', 'leeftijd', 'faixa etária', 'idade'],
  material: ['material', 'materials', 'fabric', 'stoff', 'matériau', 'matière', 'tejido', 'materiale', 'tessuto', 'materiaal', 'stof', 'tecido', 'materiał'],
  pattern: ['pattern', 'print', 'muster', 'motif', 'imprimé', 'estampado', 'patrón', 'motivo', 'fantasia', 'patroon', 'dessin', 'padrão', 'estampa', 'wzór'],
};

type Gender = 'male' | 'female' | 'unisex';
type AgeGroup = 'newborn' | 'infant' | 'toddler' | 'kids' | 'adult';

// biome-ignore format: one line per value
const genderWords: Record<Gender, string[]> = {
  male: ['male', 'man', 'men', 'mens', 'boy', 'boys', 'herren', 'herr', 'mann', 'männer', 'jungen', 'homme', 'hommes', 'garçon', 'hombre', 'hombres', 'niño', 'uomo', 'uomini', 'heren', 'masculino', 'masculin'],
  female: ['female', 'woman', 'women', 'womens', 'girl', 'girls', 'lady', 'ladies', 'damen', 'dame', 'frau', 'frauen', 'mädchen', 'femme', 'femmes', 'fille', 'mujer', 'mujeres', 'niña', 'donna', 'donne', 'dames', 'vrouw', 'vrouwen', 'feminino', 'féminin'],
  unisex: ['unisex', 'uni', 'both', 'mixte', 'unissex'],
};

// biome-ignore format: one line per value
const ageGroupWords: Record<AgeGroup, string[]> = {
  newborn: ['newborn', 'newborns', 'neugeboren', 'neugeborene', 'nouveau-né', 'recién nacido', 'neonato'],
  infant: ['infant', 'infants', 'baby', 'babies', 'säugling', 'bébé', 'bebé', 'bebê'],
  toddler: ['toddler', 'toddlers', 'kleinkind', 'kleinkinder', 'tout-petit', 'peuter'],
  kids: ['kids', 'kid', 'child', 'children', 'youth', 'junior', 'kinder', 'kind', 'enfant', 'enfants', 'niños', 'bambino', 'bambini', 'crianças', 'criança'],
  adult: ['adult', 'adults', 'erwachsene', 'erwachsen', 'adulte', 'adultes', 'adulto', 'adultos', 'adulti', 'volwassene', 'volwassenen'],
};

/** Folded for comparison: accents off, lowercase, apostrophes dropped, other punctuation as spaces. */
function key(text: string): string {
  return foldText(text)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function invert<V extends string>(wordsByValue: Record<V, string[]>): Map<string, V> {
  const map = new Map<string, V>();
  for (const [value, words] of Object.entries(wordsByValue) as [V, string[]][]) {
    for (const word of words) if (!map.has(key(word))) map.set(key(word), value);
  }
  return map;
}

const attributeByName = invert(namesByAttribute);
const genderByWord = invert(genderWords);
const ageGroupByWord = invert(ageGroupWords);

/** The Merchant Center attribute an option name stands for, if any: "Farbe" → `color`. */
export function optionAttribute(optionName: string): OptionAttribute | null {
  return attributeByName.get(key(optionName)) ?? null;
}

/** Google's gender value for an option value ("Women's" → `female`), or null when it has none. */
export function genderValue(value: string): Gender | null {
  return genderByWord.get(key(value)) ?? null;
}

/** Google's age group for an option value ("Kinder" → `kids`), or null when it has none. */
export function ageGroupValue(value: string): AgeGroup | null {
  return ageGroupByWord.get(key(value)) ?? null;
}
