import type { TranslationInput } from '../modules/catalog/index.ts';

/**
 * Translations in the demo: Alder & Ash (an English-language shop run from Berlin) also sells in
 * German, and a few of its best sellers are translated, with German addresses, so a newcomer sees
 * /s/alder-ash/de/…, the language switcher, hreflang and the editor's translation tabs at work.
 * The rest of the catalog is left untranslated on purpose: it shows the fallback to English and fills
 * the "missing translations" list.
 */
export interface DemoTranslations {
  storeHandle: string;
  locale: string;
  /** Product handle → its text in `locale`. */
  products: Record<string, TranslationInput>;
}

export const demoTranslations: DemoTranslations[] = [
  {
    storeHandle: 'alder-ash',
    locale: 'de',
    products: {
      'stoneware-mug-oat': {
        title: 'Steinzeugbecher, Glasur Hafer',
        handle: 'steinzeugbecher-hafer',
        description:
          'Auf der Töpferscheibe in einer kleinen Werkstatt im Westerwald gedreht und in einem gesprenkelten ' +
          'Haferton glasiert, durch den die Eisenpunkte des Tons hindurchscheinen. Der Henkel bietet Platz für ' +
          'drei Finger, der unglasierte Fuß steht sicher auf dem Holztisch. 350 ml, spülmaschinen- und ' +
          'mikrowellengeeignet.',
        seoTitle: 'Steinzeugbecher mit Haferglasur, 350 ml | Alder & Ash',
        seoDescription:
          'Handgedrehter, gesprenkelter Steinzeugbecher in warmer Haferglasur. 350 ml, spülmaschinen- und ' +
          'mikrowellenfest. Gefertigt im Westerwald.',
      },
      'everyday-cereal-bowl': {
        title: 'Müslischale für jeden Tag',
        handle: 'muslischale',
        description:
          'Eine 16-cm-Schale mit geraden, leicht ausgestellten Wänden – genau richtig für Müsli, eine Portion ' +
          'Ramen oder einen Berg Sommerbeeren. Die seidenmatte weiße Glasur ist lebensmittelecht und zeigt ' +
          'weniger Besteckspuren als eine glänzende. Lässt sich im Viererset platzsparend stapeln.',
        seoTitle: 'Müslischale aus Steinzeug, 16 cm, seidenmatt weiß | Alder & Ash',
        seoDescription:
          'Steinzeugschale, 16 cm, seidenmatt weiß, für Frühstück, Nudeln und Obst. Unempfindlich gegen ' +
          'Besteckspuren und gut stapelbar.',
      },
      'stonewashed-tea-towels': {
        title: 'Stonewashed Geschirrtücher, 2er-Set',
        handle: 'geschirrtuecher-leinen',
        description:
          'Zwei Tücher, 50 × 70 cm, aus schwerem europäischem Flachs gewebt und stonewashed – dadurch weich und ' +
          'saugfähig vom ersten Gebrauch an. Eine Aufhängeschlaufe aus Baumwolle ist in eine Ecke genäht. Leinen ' +
          'trocknet schnell und hinterlässt keine Fusseln auf Gläsern.',
        seoTitle: 'Geschirrtücher aus Stonewashed-Leinen, 2 Stück | Alder & Ash',
      },
      'cast-iron-skillet-26': {
        title: 'Gusseisenpfanne, 26 cm',
        handle: 'gusseisenpfanne-26',
        description:
          'In einem Stück gegossen und mit Leinöl eingebrannt: Diese 26-cm-Pfanne brät Steaks scharf an, backt ' +
          'Maisbrot und wandert ohne Umstände vom Herd in den Ofen. Ein Hilfsgriff gegenüber dem Stiel macht ' +
          'die volle Pfanne leichter zu heben. Für Induktion, Gas und offenes Feuer.',
        seoTitle: 'Eingebrannte Gusseisenpfanne, 26 cm | Alder & Ash',
        seoDescription:
          'Gusseisenpfanne, 26 cm, mit Leinöl eingebrannt. Zum Anbraten, Backen und Kochen über offenem Feuer; ' +
          'induktionsgeeignet.',
      },
      'fig-leaf-cedar-candle': {
        title: 'Kerze Feigenblatt & Zeder',
        description:
          'Eine Mischung aus Soja- und Rapswachs im wiederverwendbaren Braunglas, duftend nach grünem ' +
          'Feigenblatt auf einer Basis aus Atlaszeder. Die 220-g-Kerze brennt rund 45 Stunden an einem ' +
          'Baumwolldocht. Den Docht vor jedem Anzünden auf 5 mm kürzen, dann brennt die Flamme ruhig und sauber.',
      },
    },
  },
];
