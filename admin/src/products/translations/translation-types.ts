/** Shapes of the translation API's answers (src/modules/catalog/translations/). */

/** The default-locale text beside its translation; `value` null means "not translated". */
export interface TextPair {
  source: string;
  value: string | null;
}

export interface ProductTranslation {
  productId: string;
  locale: string;
  defaultLocale: string;
  fields: {
    title: TextPair;
    description: TextPair;
    seoTitle: TextPair;
    seoDescription: TextPair;
    handle: TextPair;
  };
  options: { name: TextPair; values: TextPair[] }[];
  images: { id: string; url: string | null; alt: TextPair }[];
  /** Paths of untranslated pieces, e.g. `title`, `options.0.values.1`, `images.0.alt`. */
  missing: string[];
  /** The product's page in this locale on the path-mounted storefront. */
  storefrontUrl: string;
  /**
   * The translation staged for review in this locale (a live product translated by someone who cannot
   * publish): what goes live once a reviewer publishes the product's revision. GET answers only.
   */
  staged?: StagedTranslation | null;
}

export interface StagedTranslation extends Omit<ProductTranslation, 'staged'> {
  revision: { id: string; number: number; state: string };
}

/** What a PUT answers: the translation as saved (the staged text when `staged`). */
export interface TranslationSaveAnswer {
  translation: ProductTranslation;
  staged: boolean;
  /** The staged revision; for a product that is not live, its review under way (if any). */
  revision: { id: string; number: number; state: string } | null;
  /** The save sent what was in review or approved back to draft: it must be submitted again. */
  reviewReset: boolean;
}

export interface TranslationStatus {
  productId: string;
  defaultLocale: string;
  locales: { locale: string; missing: string[]; complete: boolean }[];
}

/** What a PUT sends: options by their default-locale name, alt text by image id. */
export interface TranslationInput {
  title: string | null;
  description: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  handle: string | null;
  options: Record<string, { name: string | null; values: Record<string, string | null> }>;
  images: Record<string, string | null>;
}

export interface MissingTranslations {
  defaultLocale: string;
  locales: { locale: string; incompleteProducts: number }[];
  checkedProducts: number;
  items: { id: string; title: string; handle: string; status: string; missing: Record<string, string[]> }[];
  total: number;
}
