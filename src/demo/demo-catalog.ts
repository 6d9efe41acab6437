/**
 * The demo business a newcomer sees after `npm start` on an empty data dir: two stores with catalogs
 * that read like real shops, so every screen (lists, filters, SEO audits, the store switcher) has
 * something believable to show. Prices are integer minor units of the store's base currency.
 */

export interface DemoProduct {
  title: string;
  handle: string;
  description: string;
  /** Integer minor units of the store's base currency. */
  priceAmount: number;
  sku: string;
  vendor: string;
  productType: string;
  status: 'active' | 'draft';
  seoTitle?: string;
  seoDescription?: string;
}

export interface DemoStore {
  handle: string;
  name: string;
  baseCurrency: string;
  locale: string;
  /** Further locales the storefront serves (translations in demo-translations.ts). */
  locales?: string[];
  timezone: string;
  tagline: string;
  products: DemoProduct[];
}

const alderAshProducts: DemoProduct[] = [
  {
    title: 'Stoneware Mug, Oat Glaze',
    handle: 'stoneware-mug-oat',
    sku: 'AA-CER-001',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 2800,
    status: 'active',
    description:
      'Thrown on the wheel in a small Westerwald workshop, this 350 ml mug is glazed in a speckled oat tone ' +
      'that lets the iron flecks of the clay show through. The handle leaves room for three fingers and the ' +
      'unglazed foot sits steady on a wooden table. Dishwasher and microwave safe.',
    seoTitle: 'Oat Glaze Stoneware Mug, 350 ml | Alder & Ash',
    seoDescription:
      'Wheel-thrown speckled stoneware mug in a warm oat glaze. Holds 350 ml, dishwasher and microwave safe. ' +
      "Made in Germany's Westerwald.",
  },
  {
    title: 'Stoneware Mug, Slate Glaze',
    handle: 'stoneware-mug-slate',
    sku: 'AA-CER-002',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 2800,
    status: 'active',
    description:
      'The same generous 350 ml form as our oat mug, dipped in a deep blue-grey glaze that breaks to brown ' +
      'wherever it thins over the rim. Because each kiln load fires a little differently, no two mugs share ' +
      'exactly the same shade. Fired to 1,240 °C, so it shrugs off daily coffee and the dishwasher alike.',
    seoTitle: 'Slate Glaze Stoneware Mug, 350 ml | Alder & Ash',
    seoDescription:
      'Blue-grey stoneware mug that breaks to brown at the rim. High-fired at 1,240 °C for everyday use; ' +
      'each piece is unique.',
  },
  {
    title: 'Everyday Cereal Bowl',
    handle: 'everyday-cereal-bowl',
    sku: 'AA-CER-003',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 2400,
    status: 'active',
    description:
      'A 16 cm bowl with straight, slightly flared walls, sized for muesli, ramen for one or a heap of summer ' +
      'berries. The satin white glaze is food safe and resists cutlery marks better than a gloss finish. ' +
      'Stacks neatly in sets of four.',
    seoTitle: 'Stoneware Cereal Bowl, 16 cm Satin White | Alder & Ash',
    seoDescription:
      'A 16 cm stoneware bowl in satin white for breakfast, noodles and fruit. Resists cutlery marks and ' +
      'stacks neatly.',
  },
  {
    title: 'Wide Serving Bowl',
    handle: 'wide-serving-bowl',
    sku: 'AA-CER-004',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 6800,
    status: 'active',
    description:
      'Thirty centimetres across and only nine deep, this low bowl gives a salad or a tray of roasted ' +
      'vegetables room to be seen. The inside carries a glossy sage glaze; the outside is left as raw, ' +
      'sanded stoneware with a soft matte feel. Hand wash recommended to keep the unglazed exterior clean.',
    seoTitle: 'Wide Stoneware Serving Bowl, 30 cm Sage | Alder & Ash',
    seoDescription:
      'Low 30 cm serving bowl with a glossy sage interior and raw stoneware exterior. Made for salads, ' +
      'roasted vegetables and sharing.',
  },
  {
    title: 'Dinner Plates, Set of Two',
    handle: 'dinner-plates-set-of-two',
    sku: 'AA-CER-005',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 5400,
    status: 'active',
    description:
      'Two 27 cm dinner plates with a low rim that keeps sauces in place without turning the plate into a ' +
      'bowl. The reactive oat glaze pools darker toward the centre, so every plate carries its own quiet ' +
      'pattern. Oven safe up to 220 °C for warming before service.',
    seoTitle: 'Stoneware Dinner Plates, Set of 2 | Alder & Ash',
    seoDescription:
      'Two 27 cm stoneware dinner plates in a reactive oat glaze with a low rim. Oven safe to 220 °C and ' +
      'dishwasher safe.',
  },
  {
    title: 'Side Plate',
    handle: 'side-plate',
    sku: 'AA-CER-006',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 1800,
    status: 'active',
    description:
      'Our 20 cm side plate works for toast at breakfast, a slice of cake at four, or as a spoon rest beside ' +
      'the stove. It is glazed edge to edge in matte chalk white, with a fine brown line where the rim meets ' +
      'the clay. Pairs with the dinner plates and the everyday bowl.',
    seoTitle: 'Matte White Side Plate, 20 cm | Alder & Ash',
    seoDescription:
      'A 20 cm stoneware side plate in matte chalk white with a fine brown rim line. For breakfast, cake ' +
      'and everything in between.',
  },
  {
    title: 'Milk Jug, 400 ml',
    handle: 'milk-jug-400ml',
    sku: 'AA-CER-007',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 3600,
    status: 'active',
    description:
      'A pinched spout pours a clean line of milk or cream with no drip running down the side. Made from the ' +
      'same speckled stoneware as our mugs, the jug holds 400 ml and doubles as a vase for a few garden ' +
      'stems. The sloped handle sits comfortably in the hand even when it is full.',
    seoTitle: 'Speckled Stoneware Milk Jug, 400 ml | Alder & Ash',
    seoDescription:
      'Drip-free 400 ml milk jug in speckled stoneware with a pinched spout. Also a lovely small vase for ' +
      'garden flowers.',
  },
  {
    title: 'Bud Vase Trio',
    handle: 'bud-vase-trio',
    sku: 'AA-CER-008',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 4200,
    status: 'active',
    description:
      'Three small bottle vases, 9, 12 and 15 cm tall, each in a different earth glaze: rust, oat and slate. ' +
      'Narrow necks hold a single stem upright, so one dried grass or a lone ranunculus is enough. Grouped ' +
      'on a windowsill they read as one composition.',
    seoTitle: 'Stoneware Bud Vases, Set of 3 | Alder & Ash',
    seoDescription:
      'Three small stoneware bud vases in rust, oat and slate glazes, 9 to 15 cm tall. Made for single ' +
      'stems and dried grasses.',
  },
  {
    title: 'Tall Ribbed Vase',
    handle: 'tall-ribbed-vase',
    sku: 'AA-CER-009',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 7400,
    status: 'active',
    description:
      'Standing 32 cm tall, this vase is thrown and then carved by hand with vertical ribs that catch side ' +
      'light from a window. The interior is fully glazed and watertight for fresh branches of eucalyptus or ' +
      'cherry blossom. A weighted base keeps tall arrangements from tipping.',
    seoTitle: 'Hand-Carved Ribbed Stoneware Vase, 32 cm | Alder & Ash',
    seoDescription:
      'A 32 cm stoneware vase, hand-carved with vertical ribs. Watertight glazed interior and a weighted ' +
      'base for tall branches.',
  },
  {
    title: 'Espresso Cups, Set of Four',
    handle: 'espresso-cups-set-of-four',
    sku: 'AA-CER-010',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 4600,
    status: 'active',
    description:
      'Four 90 ml cups with thick walls that hold heat through a double shot. Each one is glazed in a ' +
      'different tone from our seasonal palette, so guests can tell their cups apart at the table. At 6.5 cm ' +
      'tall they fit under most espresso machine spouts.',
    seoTitle: 'Stoneware Espresso Cups, Set of 4 | Alder & Ash',
    seoDescription:
      'Four thick-walled 90 ml espresso cups in four seasonal glazes. 6.5 cm tall to fit under most ' +
      'machine spouts.',
  },
  {
    title: 'Butter Dish with Oak Lid',
    handle: 'butter-dish-oak-lid',
    sku: 'AA-CER-011',
    productType: 'Ceramics',
    vendor: 'Alder & Ash',
    priceAmount: 3900,
    status: 'active',
    description:
      'A stoneware base sized for a standard 250 g block of butter, topped with a turned oak lid that ' +
      'doubles as a small serving board. Keep it on the counter in cooler months for butter that spreads ' +
      'straight away. The base goes in the dishwasher; wipe the lid and oil it now and then.',
    seoTitle: 'Stoneware Butter Dish with Oak Lid | Alder & Ash',
    seoDescription:
      'Butter dish for a 250 g block: a stoneware base with a turned oak lid. Keeps butter soft and ' +
      'spreadable on the counter.',
  },
  {
    title: 'Olive Oil Cruet',
    handle: 'olive-oil-cruet',
    sku: 'AA-CER-012',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 3200,
    status: 'active',
    description:
      'This 500 ml cruet has a narrow pouring lip that gives a thin, controllable stream for dressing a ' +
      'salad or finishing a soup. A cork stopper keeps dust out between uses, and the opaque stoneware ' +
      'shields the oil from light. Glazed inside and out in matte oat.',
    seoTitle: 'Stoneware Olive Oil Cruet, 500 ml | Alder & Ash',
    seoDescription:
      'A 500 ml stoneware olive oil cruet with a cork stopper and a precise pouring lip. Protects oil from ' +
      'light.',
  },
  {
    title: 'Stoneware Teapot, 1 Litre',
    handle: 'stoneware-teapot-1l',
    sku: 'AA-CER-013',
    productType: 'Ceramics',
    vendor: 'Töpferei Lenz',
    priceAmount: 8800,
    status: 'draft',
    description:
      'Our first teapot holds a full litre, enough for four cups, with a ceramic strainer built in behind ' +
      'the spout for loose-leaf tea. A small locking tab on the lid keeps it in place as you pour the last ' +
      'cup. Glazed in slate, with a cane-wrapped handle that stays cool.',
  },
  {
    title: 'Stonewashed Tea Towels, Set of Two',
    handle: 'stonewashed-tea-towels',
    sku: 'AA-LIN-001',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 2400,
    status: 'active',
    description:
      'Two 50 × 70 cm towels woven from heavyweight European flax and stonewashed, so they are soft and ' +
      'absorbent from the first use. A cotton hanging loop is stitched into one corner. Linen dries quickly ' +
      'and leaves no lint on glassware.',
    seoTitle: 'Stonewashed Linen Tea Towels, Set of 2 | Alder & Ash',
    seoDescription:
      'Two soft, absorbent 50 × 70 cm tea towels in stonewashed European flax linen. Lint-free on glasses ' +
      'and quick to dry.',
  },
  {
    title: 'Linen Napkins, Set of Four',
    handle: 'linen-napkins-set-of-four',
    sku: 'AA-LIN-002',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 3800,
    status: 'active',
    description:
      'Four 45 cm square napkins with mitred corners and a narrow 1 cm hem. The mid-weight 185 g/m² linen ' +
      'relaxes into soft creases, so there is no need to iron. Oatmeal is a shade that flatters both white ' +
      'and dark tableware.',
    seoTitle: 'Oatmeal Linen Napkins, Set of 4 | Alder & Ash',
    seoDescription:
      'Four 45 cm linen napkins with mitred corners in soft oatmeal. Mid-weight, pre-washed and made to be ' +
      'used without ironing.',
  },
  {
    title: 'Linen Tablecloth, 160 × 260 cm',
    handle: 'linen-tablecloth-160x260',
    sku: 'AA-LIN-003',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 12900,
    status: 'active',
    description:
      'Sized for a table that seats six to eight, this tablecloth drapes about 25 cm over each side. It is ' +
      'woven in Lithuania from 100% flax and garment-washed for a relaxed, lived-in finish. Machine wash at ' +
      '40 °C and dry on the line; it only gets softer with age.',
    seoTitle: 'Washed Linen Tablecloth, 160 × 260 cm | Alder & Ash',
    seoDescription:
      'A 100% flax linen tablecloth for six to eight guests, woven in Lithuania and garment-washed for a ' +
      'soft, relaxed drape.',
  },
  {
    title: 'Striped Linen Table Runner',
    handle: 'striped-linen-table-runner',
    sku: 'AA-LIN-004',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 4500,
    status: 'active',
    description:
      'A 40 × 200 cm runner with a thin woven terracotta stripe along both long edges. Lay it down the ' +
      'centre of a bare wooden table to anchor candles and serving dishes without hiding the grain. Hemmed ' +
      'by hand with a 3 cm border.',
    seoTitle: 'Linen Table Runner with Terracotta Stripe | Alder & Ash',
    seoDescription:
      'A 40 × 200 cm natural linen table runner with woven terracotta stripes and a hand-stitched 3 cm hem.',
  },
  {
    title: 'Waffle Linen Hand Towel',
    handle: 'waffle-linen-hand-towel',
    sku: 'AA-LIN-005',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 2200,
    status: 'active',
    description:
      'A honeycomb weave gives this 50 × 90 cm towel more surface, so it soaks up water fast and dries on ' +
      'the rail in a few hours. Blended from linen and cotton for a slightly plusher hand than pure flax. It ' +
      'looks as much at home in the kitchen as in a guest bathroom.',
    seoTitle: 'Waffle Weave Linen Hand Towel | Alder & Ash',
    seoDescription:
      'Quick-drying 50 × 90 cm hand towel in a linen and cotton waffle weave. For kitchens and guest ' +
      'bathrooms.',
  },
  {
    title: 'Crossback Linen Apron',
    handle: 'crossback-linen-apron',
    sku: 'AA-LIN-006',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 5800,
    status: 'active',
    description:
      'The straps cross at the back instead of looping around your neck, spreading the weight across your ' +
      'shoulders during a long afternoon at the stove. A deep front pocket holds a thermometer and a phone. ' +
      'One size, cut generously from sturdy 240 g/m² linen the colour of wet sand.',
    seoTitle: 'Crossback Linen Apron, Sand | Alder & Ash',
    seoDescription:
      'A comfortable crossback apron in heavyweight sand-coloured linen with a deep front pocket. No neck ' +
      'strain, one size fits most.',
  },
  {
    title: 'Linen Bread Bag',
    handle: 'linen-bread-bag',
    sku: 'AA-LIN-007',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 1900,
    status: 'active',
    description:
      "A 30 × 40 cm drawstring bag that keeps a sourdough loaf's crust crisp for a day longer than plastic " +
      'while letting the bread breathe. Store the loaf cut side down inside. Shake out the crumbs and wash ' +
      'it along with your tea towels.',
    seoTitle: 'Linen Bread Bag for Sourdough | Alder & Ash',
    seoDescription:
      'A breathable 30 × 40 cm linen drawstring bag that keeps sourdough crusty for longer. Washable and ' +
      'plastic-free.',
  },
  {
    title: 'Linen Cushion Cover, 50 × 50 cm',
    handle: 'linen-cushion-cover-50',
    sku: 'AA-LIN-008',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 4200,
    status: 'active',
    description:
      'A washed linen cover with a flanged edge and a hidden wooden-button closure on the back. The colour ' +
      'is a soft clay pink that sits happily against grey sofas and natural wood. Cover only; it fits a ' +
      '50 × 50 cm insert.',
  },
  {
    title: 'Heavy Linen Throw',
    handle: 'heavy-linen-throw',
    sku: 'AA-LIN-009',
    productType: 'Linen',
    vendor: 'Vilnius Linen Atelier',
    priceAmount: 16500,
    status: 'draft',
    description:
      'A 130 × 180 cm throw woven from a heavier 380 g/m² linen, finished with a knotted fringe on the short ' +
      'ends. It is warm enough for spring evenings on the terrace and breathable enough for summer nights. ' +
      'Arriving in autumn in moss and charcoal.',
  },
  {
    title: 'Cast Iron Skillet, 26 cm',
    handle: 'cast-iron-skillet-26',
    sku: 'AA-CKW-001',
    productType: 'Cookware',
    vendor: 'Kestrel Ironworks',
    priceAmount: 7900,
    status: 'active',
    description:
      'Cast in one piece and pre-seasoned with flaxseed oil, this 26 cm skillet sears steak, bakes ' +
      'cornbread and moves from hob to oven without a second thought. A helper handle opposite the main grip ' +
      'makes a full pan easier to lift. Works on induction, gas and an open fire.',
    seoTitle: 'Pre-Seasoned Cast Iron Skillet, 26 cm | Alder & Ash',
    seoDescription:
      'A 26 cm cast iron skillet, pre-seasoned with flaxseed oil. For searing, baking and open-fire cooking; ' +
      'induction ready.',
  },
  {
    title: 'Enamelled Cast Iron Casserole, 24 cm',
    handle: 'enamelled-casserole-24',
    sku: 'AA-CKW-002',
    productType: 'Cookware',
    vendor: 'Kestrel Ironworks',
    priceAmount: 18000,
    status: 'active',
    description:
      'A 4.2 litre round casserole for braises, stews and no-knead bread, with a sand-coloured enamel ' +
      'interior that makes it easy to watch the fond brown. Small studs under the heavy lid return ' +
      'condensation to the food. Oven safe to 250 °C, knob included.',
    seoTitle: 'Enamelled Cast Iron Casserole, 4.2 L | Alder & Ash',
    seoDescription:
      'A 24 cm, 4.2 litre enamelled cast iron casserole for braising, stews and bread baking. Self-basting ' +
      'lid; oven safe to 250 °C.',
  },
  {
    title: 'Carbon Steel Crêpe Pan, 28 cm',
    handle: 'carbon-steel-crepe-pan',
    sku: 'AA-CKW-003',
    productType: 'Cookware',
    vendor: 'Kestrel Ironworks',
    priceAmount: 4900,
    status: 'active',
    description:
      'Pressed from 2 mm carbon steel with a very low rim, so a spatula slides under a crêpe or galette ' +
      'without catching. It heats in under a minute and builds a slick, dark patina with use. Dry it on the ' +
      'burner after washing and wipe it with a drop of oil.',
    seoTitle: 'Carbon Steel Crêpe Pan, 28 cm | Alder & Ash',
    seoDescription:
      'A low-rimmed 28 cm carbon steel pan for crêpes and galettes. Heats fast and grows naturally ' +
      'non-stick with use.',
  },
  {
    title: 'Tri-Ply Saucepan, 1.8 L',
    handle: 'tri-ply-saucepan-1-8l',
    sku: 'AA-CKW-004',
    productType: 'Cookware',
    vendor: 'Kestrel Ironworks',
    priceAmount: 9500,
    status: 'active',
    description:
      'Stainless steel wrapped around an aluminium core runs all the way up the walls, for even heat and no ' +
      'scorching at the edges. Pouring rims on both sides and a close-fitting lid with a steam vent make ' +
      'sauces and grains easy. Dishwasher safe and suitable for every hob, including induction.',
    seoTitle: 'Tri-Ply Stainless Steel Saucepan, 1.8 L | Alder & Ash',
    seoDescription:
      'A 1.8 litre tri-ply stainless saucepan with pouring rims and a vented lid. Even heat on every hob, ' +
      'induction included.',
  },
  {
    title: 'Hammered Copper Milk Pan',
    handle: 'hammered-copper-milk-pan',
    sku: 'AA-CKW-005',
    productType: 'Cookware',
    vendor: 'Kestrel Ironworks',
    priceAmount: 11000,
    status: 'draft',
    description:
      'Hammered 1.5 mm copper lined with tin, with a cast brass handle riveted on by hand. Copper answers a ' +
      'change of heat almost instantly, which makes this 0.9 litre pan ideal for caramel, custard and warm ' +
      'milk. Not for induction; polish it occasionally or let it darken naturally.',
    seoTitle: 'Hammered Copper Milk Pan, 0.9 L | Alder & Ash',
    seoDescription:
      'A tin-lined, hand-hammered copper milk pan with a brass handle. Precise heat for caramel, custard ' +
      'and warm milk.',
  },
  {
    title: 'Oval Gratin Dish',
    handle: 'oval-gratin-dish',
    sku: 'AA-CKW-006',
    productType: 'Cookware',
    vendor: 'Töpferei Lenz',
    priceAmount: 4400,
    status: 'active',
    description:
      'A 32 cm oval of flameproof stoneware for potato gratin, baked fish or a crumble for six. Generous ' +
      'side handles give a good grip through oven gloves. It goes from oven to table and into the ' +
      'dishwasher afterwards.',
    seoTitle: 'Stoneware Oval Gratin Dish, 32 cm | Alder & Ash',
    seoDescription:
      'A 32 cm oval stoneware baking dish for gratins, crumbles and roasts. Oven to table, with easy-grip ' +
      'handles.',
  },
  {
    title: 'Enamel Roasting Tray',
    handle: 'enamel-roasting-tray',
    sku: 'AA-CKW-007',
    productType: 'Cookware',
    vendor: 'Kestrel Ironworks',
    priceAmount: 3900,
    status: 'active',
    description:
      'Steel coated in a glossy cream enamel with a navy rim, measuring 38 × 26 cm. It is unbothered by ' +
      'tomato and lemon juice that would pit aluminium, and wipes clean after a soak. Light enough for ' +
      'weeknight vegetables, sturdy enough for a Sunday roast chicken.',
    seoTitle: 'Cream Enamel Roasting Tray, 38 × 26 cm | Alder & Ash',
    seoDescription:
      'Enamelled steel roasting tray in cream with a navy rim. Acid resistant, easy to clean, sized for a ' +
      'whole chicken.',
  },
  {
    title: 'Fig Leaf & Cedar Candle',
    handle: 'fig-leaf-cedar-candle',
    sku: 'AA-CDL-001',
    productType: 'Candles',
    vendor: 'Hollow Oak Candle Co.',
    priceAmount: 3400,
    status: 'active',
    description:
      'A soy and rapeseed wax blend poured into a reusable amber glass jar, scented with green fig leaf ' +
      'over a base of Atlas cedar. The 220 g candle burns for around 45 hours on a cotton wick. Trim the ' +
      'wick to 5 mm before each lighting for a clean, steady flame.',
    seoTitle: 'Fig Leaf & Cedar Scented Candle, 220 g | Alder & Ash',
    seoDescription:
      'Green fig leaf and Atlas cedar in a soy and rapeseed wax candle. 220 g, about 45 hours of burn time, ' +
      'reusable amber jar.',
  },
  {
    title: 'Woodsmoke & Vetiver Candle',
    handle: 'woodsmoke-vetiver-candle',
    sku: 'AA-CDL-002',
    productType: 'Candles',
    vendor: 'Hollow Oak Candle Co.',
    priceAmount: 3400,
    status: 'active',
    description:
      'Smoky birch tar, Haitian vetiver and a touch of black pepper recall a fireplace on the first cold ' +
      'evening of the year. Hand-poured in small batches in our Berlin studio. 220 g, with roughly 45 hours ' +
      'of burn time.',
    seoTitle: 'Woodsmoke & Vetiver Candle | Alder & Ash',
    seoDescription:
      'A smoky, warming candle of birch tar, vetiver and black pepper, hand-poured in Berlin. 220 g, about ' +
      '45 hours.',
  },
  {
    title: 'Bergamot & Black Tea Candle',
    handle: 'bergamot-black-tea-candle',
    sku: 'AA-CDL-003',
    productType: 'Candles',
    vendor: 'Hollow Oak Candle Co.',
    priceAmount: 3400,
    status: 'active',
    description:
      'Bright Calabrian bergamot opens onto smoky lapsang souchong and a soft vanilla finish, like Earl Grey ' +
      'steeping on a rainy afternoon. The jar comes with a cork lid that keeps the scent from fading between ' +
      'burns. Vegan, phthalate-free and made without paraffin.',
    seoTitle: 'Bergamot & Black Tea Candle | Alder & Ash',
    seoDescription:
      'Calabrian bergamot, lapsang souchong and vanilla in a vegan, paraffin-free candle with a cork lid.',
  },
  {
    title: 'Wild Mint & Basil Kitchen Candle',
    handle: 'wild-mint-basil-candle',
    sku: 'AA-CDL-004',
    productType: 'Candles',
    vendor: 'Hollow Oak Candle Co.',
    priceAmount: 3000,
    status: 'active',
    description:
      'Made for the kitchen: fresh spearmint and sweet basil cut through cooking smells without clashing ' +
      'with dinner. A smaller 160 g candle in ribbed clear glass, burning about 32 hours. Once it is ' +
      'finished, wash out the glass and reuse it for herbs or pencils.',
    seoTitle: 'Mint & Basil Kitchen Candle, 160 g | Alder & Ash',
    seoDescription:
      'A fresh spearmint and basil candle that clears cooking smells. 160 g in a reusable ribbed glass, ' +
      'about 32 hours.',
  },
  {
    title: 'Travel Candle Trio',
    handle: 'travel-candle-trio',
    sku: 'AA-CDL-005',
    productType: 'Candles',
    vendor: 'Hollow Oak Candle Co.',
    priceAmount: 2900,
    status: 'active',
    description:
      'Three 60 g tins of our best-loved scents, fig leaf, woodsmoke and bergamot, with screw lids for the ' +
      'suitcase. Each tin gives roughly 12 hours of burn time. An easy host gift that needs no wrapping.',
    seoTitle: 'Travel Candle Gift Set, 3 Tins | Alder & Ash',
    seoDescription:
      'Three 60 g travel candles in fig leaf, woodsmoke and bergamot. Screw-lid tins, about 12 hours each. ' +
      'A ready-made gift.',
  },
  {
    title: 'Beeswax Taper Candles, Pair',
    handle: 'beeswax-taper-candles',
    sku: 'AA-CDL-006',
    productType: 'Candles',
    vendor: 'Hollow Oak Candle Co.',
    priceAmount: 1600,
    status: 'active',
    description:
      'Dipped by hand from pure German beeswax, these 25 cm tapers burn with a warm, honey-scented flame and ' +
      'barely drip. The standard 2.2 cm base fits most candlesticks. Each taper lasts around eight hours.',
    seoTitle: 'Hand-Dipped Beeswax Taper Candles, 25 cm | Alder & Ash',
    seoDescription:
      'A pair of hand-dipped 25 cm beeswax tapers with a honey scent and minimal drip. Standard 2.2 cm base, ' +
      'eight hours each.',
  },
  {
    title: 'Unscented Pillar Candle',
    handle: 'unscented-pillar-candle',
    sku: 'AA-CDL-007',
    productType: 'Candles',
    vendor: 'Hollow Oak Candle Co.',
    priceAmount: 2200,
    status: 'active',
    description:
      'A 7 × 15 cm pillar in ivory rapeseed wax, left unscented so it can sit on a dinner table beside food ' +
      'and wine. The wide diameter gives up to 60 hours of light and pools evenly if you burn it two to ' +
      'three hours at a time. Stand it on a plate or tray while it burns.',
  },
  {
    title: 'Candle Care Set',
    handle: 'candle-care-set',
    sku: 'AA-CDL-008',
    productType: 'Candles',
    vendor: 'Alder & Ash',
    priceAmount: 2700,
    status: 'active',
    description:
      'A brass wick trimmer, a long-handled snuffer and a wick dipper, kept together in a linen pouch. ' +
      'Trimming keeps the flame small and soot-free; snuffing rather than blowing stops smoke and spattered ' +
      'wax. The brass will patina over time, or polish it back with a soft cloth.',
    seoTitle: 'Brass Candle Care Set: Trimmer, Snuffer, Dipper | Alder & Ash',
    seoDescription:
      'Brass wick trimmer, snuffer and dipper in a linen pouch. Cleaner flames, no smoke, and candles that ' +
      'last longer.',
  },
  {
    title: 'Oak Chopping Board, Large',
    handle: 'oak-chopping-board-large',
    sku: 'AA-WOD-001',
    productType: 'Wooden Boards',
    vendor: 'Forst Holzwerk',
    priceAmount: 7200,
    status: 'active',
    description:
      'Cut from a single plank of FSC-certified European oak, 45 × 30 cm and 3 cm thick, with a juice groove ' +
      'running around one face. Oak is hard enough for daily chopping yet kind to knife edges. Oil it once ' +
      'a month with our board butter.',
    seoTitle: 'Large Oak Chopping Board, 45 × 30 cm | Alder & Ash',
    seoDescription:
      'A solid FSC-certified oak chopping board, 45 × 30 × 3 cm, with a juice groove. Gentle on knives and ' +
      'built to last.',
  },
  {
    title: 'Walnut Serving Board',
    handle: 'walnut-serving-board',
    sku: 'AA-WOD-002',
    productType: 'Wooden Boards',
    vendor: 'Forst Holzwerk',
    priceAmount: 6400,
    status: 'active',
    description:
      'A long board of American black walnut, 60 × 18 cm, with a rounded handle drilled for hanging. The ' +
      'dark, chocolate-toned grain sets off cheeses, charcuterie and fresh figs. Finished only with ' +
      'food-safe oil and beeswax.',
    seoTitle: 'Walnut Serving Board with Handle, 60 cm | Alder & Ash',
    seoDescription:
      'A 60 × 18 cm black walnut serving board for cheese and charcuterie, finished with food-safe oil and ' +
      'beeswax.',
  },
  {
    title: 'End-Grain Butcher Block',
    handle: 'end-grain-butcher-block',
    sku: 'AA-WOD-003',
    productType: 'Wooden Boards',
    vendor: 'Forst Holzwerk',
    priceAmount: 14800,
    status: 'active',
    description:
      'Built from 72 blocks of beech glued with the end grain facing up, so a knife edge slips between the ' +
      'fibres instead of cutting across them. At 40 × 30 × 5 cm and nearly 5 kg, it stays put during heavy ' +
      'work. Rubber feet lift it off the counter so both faces dry evenly.',
    seoTitle: 'End-Grain Beech Butcher Block | Alder & Ash',
    seoDescription:
      'A heavy 40 × 30 × 5 cm end-grain beech butcher block that protects knife edges. Rubber feet for ' +
      'stability and airflow.',
  },
  {
    title: 'Olive Wood Spoons, Set of Three',
    handle: 'olive-wood-spoons',
    sku: 'AA-WOD-004',
    productType: 'Wooden Boards',
    vendor: 'Forst Holzwerk',
    priceAmount: 2600,
    status: 'active',
    description:
      'Carved in Tunisia from the pruned branches of old olive trees, each spoon shows its own swirling ' +
      'grain. Lengths of 20, 25 and 30 cm cover stirring, tasting and serving. Olive wood is dense and ' +
      'naturally resists stains and odours.',
    seoTitle: 'Olive Wood Cooking Spoons, Set of 3 | Alder & Ash',
    seoDescription:
      'Three hand-carved olive wood spoons, 20 to 30 cm, made from pruned branches. Dense, durable and ' +
      'stain resistant.',
  },
  {
    title: 'Beech Spatula',
    handle: 'beech-spatula',
    sku: 'AA-WOD-005',
    productType: 'Wooden Boards',
    vendor: 'Forst Holzwerk',
    priceAmount: 1200,
    status: 'active',
    description:
      'A flat-edged 30 cm spatula with one corner cut square for scraping the base of a pan clean. Steamed ' +
      'beech is smooth and light and will not scratch enamel or non-stick coatings. A small, reliable tool ' +
      'at a price that lets you keep two.',
  },
  {
    title: 'Cherry Wood Salad Servers',
    handle: 'cherry-wood-salad-servers',
    sku: 'AA-WOD-006',
    productType: 'Wooden Boards',
    vendor: 'Forst Holzwerk',
    priceAmount: 3400,
    status: 'active',
    description:
      'A pair of 28 cm servers with broad, shallow heads that lift leaves without bruising them. Cherry ' +
      'starts out a pale pinkish brown and deepens to a rich red amber over its first year of use. Wash by ' +
      'hand and let them dry standing up.',
    seoTitle: 'Cherry Wood Salad Servers, 28 cm | Alder & Ash',
    seoDescription:
      'A pair of 28 cm cherry wood salad servers with broad heads. The wood deepens to a warm red amber ' +
      'with use.',
  },
  {
    title: 'Oak Bread Board with Crumb Catcher',
    handle: 'oak-bread-board-crumb-catcher',
    sku: 'AA-WOD-007',
    productType: 'Wooden Boards',
    vendor: 'Forst Holzwerk',
    priceAmount: 8500,
    status: 'active',
    description:
      'The slatted oak top lifts off a shallow tray underneath, so crumbs fall through while you slice and ' +
      'can be tipped out in one go. At 42 × 26 cm it takes a long baguette or a round country loaf. Pair it ' +
      'with the linen bread bag.',
    seoTitle: 'Oak Bread Board with Crumb Tray | Alder & Ash',
    seoDescription:
      'A 42 × 26 cm slatted oak bread board with a removable crumb tray. Slice loaves without crumbs ' +
      'scattering everywhere.',
  },
  {
    title: 'Board Butter',
    handle: 'board-butter',
    sku: 'AA-WOD-008',
    productType: 'Wooden Boards',
    vendor: 'Forst Holzwerk',
    priceAmount: 1400,
    status: 'active',
    description:
      'A 100 ml tin of food-safe mineral oil blended with beeswax and carnauba in our woodshop. Rub a thin ' +
      'layer into dry boards and spoons, leave it overnight and buff off the excess in the morning. One tin ' +
      'conditions a large board about a dozen times.',
    seoTitle: 'Board Butter for Wooden Boards & Spoons | Alder & Ash',
    seoDescription:
      'Food-safe board butter of mineral oil, beeswax and carnauba. Conditions chopping boards and wooden ' +
      'spoons. 100 ml tin.',
  },
  {
    title: 'Recycled Glass Tumblers, Set of Four',
    handle: 'recycled-glass-tumblers',
    sku: 'AA-GLS-001',
    productType: 'Glassware',
    vendor: 'Vetreria Lume',
    priceAmount: 3600,
    status: 'active',
    description:
      'Mouth-blown in Spain from recycled bottle glass, which gives each 300 ml tumbler a faint green tint ' +
      'and the odd tiny air bubble. A thick, weighted base makes them feel reassuring in the hand. ' +
      'Dishwasher safe.',
    seoTitle: 'Recycled Glass Tumblers, Set of 4 | Alder & Ash',
    seoDescription:
      'Four mouth-blown 300 ml tumblers in recycled glass with a soft green tint and weighted base. ' +
      'Dishwasher safe.',
  },
  {
    title: 'Hand-Blown Carafe, 1 Litre',
    handle: 'hand-blown-carafe-1l',
    sku: 'AA-GLS-002',
    productType: 'Glassware',
    vendor: 'Vetreria Lume',
    priceAmount: 4800,
    status: 'active',
    description:
      'A slim borosilicate carafe with a flared lip, for water on the table or a young red that benefits ' +
      'from a little air. A tumbler from our recycled glass set fits upside down over the neck as a cup. ' +
      'Heat resistant, so it takes warm tea too.',
    seoTitle: 'Hand-Blown Glass Carafe, 1 L | Alder & Ash',
    seoDescription:
      'A slim, heat-resistant 1 litre carafe in hand-blown borosilicate glass. For water, wine or iced tea ' +
      'at the table.',
  },
  {
    title: 'Stemless Wine Glasses, Set of Two',
    handle: 'stemless-wine-glasses',
    sku: 'AA-GLS-003',
    productType: 'Glassware',
    vendor: 'Vetreria Lume',
    priceAmount: 3900,
    status: 'active',
    description:
      'Thin-rimmed 450 ml glasses with a wide bowl that opens up aromatic whites and lighter reds. Without ' +
      'a stem they stay upright on a picnic blanket and fit easily in the dishwasher. Lead-free crystal ' +
      'glass, blown in the Czech Republic.',
    seoTitle: 'Stemless Wine Glasses, 450 ml, Set of 2 | Alder & Ash',
    seoDescription:
      'Two thin-rimmed 450 ml stemless wine glasses in lead-free crystal, blown in the Czech Republic.',
  },
  {
    title: 'Glass Storage Jar with Oak Lid',
    handle: 'glass-storage-jar-oak-lid',
    sku: 'AA-GLS-004',
    productType: 'Glassware',
    vendor: 'Vetreria Lume',
    priceAmount: 2200,
    status: 'active',
    description:
      'A 1 litre jar with a turned oak lid and a silicone seal that keeps oats, coffee beans and pasta ' +
      'fresh. Straight sides make it simple to scoop from and easy to clean. The lids are flat on top, so ' +
      'two jars stack safely on a shelf.',
  },
  {
    title: 'Brass Measuring Spoons',
    handle: 'brass-measuring-spoons',
    sku: 'AA-TLS-001',
    productType: 'Kitchen Tools',
    vendor: 'Alder & Ash',
    priceAmount: 3200,
    status: 'active',
    description:
      'Four solid brass spoons, 1 tbsp, 1 tsp, ½ tsp and ¼ tsp, on a removable ring. They are heavy enough ' +
      'to rest level on the counter while you fill them, and the brass darkens to a warm antique tone. Wash ' +
      'by hand and dry straight away.',
    seoTitle: 'Solid Brass Measuring Spoons, Set of 4 | Alder & Ash',
    seoDescription:
      'Four weighted solid brass measuring spoons on a ring, from 1 tbsp to ¼ tsp. They rest level and age ' +
      'to a warm patina.',
  },
  {
    title: 'Marble Mortar and Pestle',
    handle: 'marble-mortar-pestle',
    sku: 'AA-TLS-002',
    productType: 'Kitchen Tools',
    vendor: 'Alder & Ash',
    priceAmount: 5800,
    status: 'active',
    description:
      'Carved from a single block of white marble, the 14 cm bowl is left unpolished inside so spices and ' +
      'garlic grip the surface as you grind. The pestle has a broad, rounded end for pounding pesto. It ' +
      'weighs 3 kg, which is exactly what stops it skating across the counter.',
    seoTitle: 'White Marble Mortar and Pestle, 14 cm | Alder & Ash',
    seoDescription:
      'A heavy 14 cm white marble mortar and pestle with an unpolished grinding surface for spices, garlic ' +
      'and pesto.',
  },
  {
    title: 'Cast Iron Trivet',
    handle: 'cast-iron-trivet',
    sku: 'AA-TLS-003',
    productType: 'Kitchen Tools',
    vendor: 'Kestrel Ironworks',
    priceAmount: 2600,
    status: 'active',
    description:
      'A round 20 cm trivet cast with a branching pattern drawn from alder twigs. Felt pads underneath ' +
      'protect the tabletop, while the open ironwork lets heat escape from a hot pot. Sturdy enough to hold ' +
      'our enamelled casserole full of stew.',
    seoTitle: 'Round Cast Iron Trivet, 20 cm | Alder & Ash',
    seoDescription:
      'A 20 cm cast iron trivet with an alder twig pattern and felt feet. Protects tables from hot pots and ' +
      'casseroles.',
  },
];

const tidewaterProducts: DemoProduct[] = [
  {
    title: 'Ethiopia Yirgacheffe Kochere',
    handle: 'ethiopia-yirgacheffe-kochere',
    sku: 'TW-COF-001',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 2100,
    status: 'active',
    description:
      'Washed heirloom varieties from smallholder farms around Kochere, grown at 1,900 to 2,100 metres. ' +
      'Expect jasmine on the nose, then lemon zest, bergamot and a silky, tea-like body. Roasted light to ' +
      'keep the florals intact, it shines as a pour-over. 12 oz bag.',
    seoTitle: 'Ethiopia Yirgacheffe Kochere, Light Roast | Tidewater Coffee',
    seoDescription:
      'Washed Ethiopian coffee from Kochere with jasmine, lemon zest and bergamot. Light roast, ideal for ' +
      'pour-over. 12 oz.',
  },
  {
    title: 'Kenya Nyeri Gachatha AA',
    handle: 'kenya-nyeri-gachatha-aa',
    sku: 'TW-COF-002',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 2400,
    status: 'active',
    description:
      'From the Gachatha factory in Nyeri, where SL28 and SL34 cherries are fermented and washed twice ' +
      'before drying on raised beds. The cup is bold and juicy, with blackcurrant, pink grapefruit and a ' +
      'winey finish. Great as filter coffee and surprisingly good over ice.',
    seoTitle: 'Kenya Nyeri Gachatha AA Coffee | Tidewater Coffee',
    seoDescription:
      'Double-washed SL28 and SL34 from Nyeri, Kenya: blackcurrant, pink grapefruit and a winey finish. ' +
      '12 oz bag.',
  },
  {
    title: 'Colombia Huila Pink Bourbon',
    handle: 'colombia-huila-pink-bourbon',
    sku: 'TW-COF-003',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 2600,
    status: 'active',
    description:
      'A rare Pink Bourbon lot from a single family farm near Pitalito, Huila, picked only when the cherries ' +
      'are fully ripe. It tastes of red apple, panela and hibiscus with a lively malic acidity. Medium-light ' +
      'roast in a 12 oz bag.',
    seoTitle: 'Colombia Huila Pink Bourbon | Tidewater Coffee',
    seoDescription:
      'Single-farm Pink Bourbon from Pitalito, Huila with red apple, panela and hibiscus notes. Medium-light ' +
      'roast.',
  },
  {
    title: 'Guatemala Huehuetenango',
    handle: 'guatemala-huehuetenango',
    sku: 'TW-COF-004',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 1900,
    status: 'active',
    description:
      'Grown on steep slopes above the Mexican border, where dry, warm winds protect the farms from frost. ' +
      'A round, comforting coffee with milk chocolate, toasted almond and a hint of orange. It works in ' +
      'every brewer we own, from French press to espresso.',
    seoTitle: 'Guatemala Huehuetenango Coffee Beans | Tidewater Coffee',
    seoDescription:
      'A balanced Guatemalan coffee with milk chocolate, toasted almond and orange. Versatile from French ' +
      'press to espresso.',
  },
  {
    title: 'Costa Rica Tarrazú Honey',
    handle: 'costa-rica-tarrazu-honey',
    sku: 'TW-COF-005',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 2200,
    status: 'active',
    description:
      'Processed as a yellow honey: the skin comes off, but some of the sticky mucilage stays on the bean as ' +
      'it dries, adding sweetness. Notes of apricot, brown sugar and cocoa nib, with a creamy mouthfeel. ' +
      'Sourced from a micromill in San Marcos de Tarrazú.',
    seoTitle: 'Costa Rica Tarrazú Yellow Honey | Tidewater Coffee',
    seoDescription:
      'Honey-processed Costa Rican coffee from a Tarrazú micromill: apricot, brown sugar and cocoa nib. ' +
      '12 oz.',
  },
  {
    title: 'Sumatra Gayo Mountain',
    handle: 'sumatra-gayo-mountain',
    sku: 'TW-COF-006',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 1800,
    status: 'active',
    description:
      "Wet-hulled in the traditional Indonesian way, which gives this coffee from Aceh's Gayo highlands its " +
      'heavy body and low acidity. Deep flavours of cedar, dark chocolate and a little tobacco. Roasted ' +
      'medium-dark, it stands up well to milk.',
    seoTitle: 'Sumatra Gayo Mountain, Medium-Dark | Tidewater Coffee',
    seoDescription:
      'Wet-hulled Sumatran coffee with a heavy body, cedar and dark chocolate. Low acidity, great with milk.',
  },
  {
    title: 'Panama Boquete Geisha, 4 oz',
    handle: 'panama-boquete-geisha',
    sku: 'TW-COF-007',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 4500,
    status: 'draft',
    description:
      'A tiny allocation of washed Geisha from the slopes of Volcán Barú, sold in 4 oz tins because there ' +
      "isn't much to go round. Intensely floral, with white peach, honeysuckle and lime. Lands in early " +
      'spring.',
  },
  {
    title: 'Harbor Espresso Blend',
    handle: 'harbor-espresso-blend',
    sku: 'TW-COF-008',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 1700,
    status: 'active',
    description:
      'Our house espresso: Brazilian naturals for body, with a washed Colombian for brightness. Pulled as a ' +
      "ristretto it's all dark chocolate and cherry; in a flat white it tastes like hazelnut praline. " +
      'Roasted medium and rested seven days before it ships.',
    seoTitle: 'Harbor Espresso Blend | Tidewater Coffee',
    seoDescription:
      'A chocolatey house espresso of Brazil and Colombia: dark chocolate and cherry straight, hazelnut ' +
      'praline with milk.',
  },
  {
    title: 'Low Tide Decaf',
    handle: 'low-tide-decaf',
    sku: 'TW-COF-009',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 1800,
    status: 'active',
    description:
      'Colombian beans decaffeinated by the Swiss Water Process, which uses only water, no chemical ' +
      'solvents, to remove 99.9% of the caffeine. You still get caramel, baked apple and a gentle cocoa ' +
      "finish. For the after-dinner cup that doesn't cost you sleep.",
    seoTitle: 'Swiss Water Decaf Coffee, Colombia | Tidewater Coffee',
    seoDescription:
      'Chemical-free Swiss Water decaf from Colombia with caramel, baked apple and cocoa. 99.9% caffeine ' +
      'free.',
  },
  {
    title: 'Morning Fog Breakfast Blend',
    handle: 'morning-fog-breakfast-blend',
    sku: 'TW-COF-010',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 1600,
    status: 'active',
    description:
      'A bright, easy-going blend of Central American coffees roasted just past light. Clean notes of ' +
      'honey, green apple and graham cracker make it a gentle first cup of the day. Brews well in big ' +
      'batches in an ordinary drip machine.',
    seoTitle: 'Morning Fog Breakfast Blend | Tidewater Coffee',
    seoDescription:
      'A bright breakfast blend of Central American coffees with honey, green apple and graham cracker. ' +
      'Great for drip.',
  },
  {
    title: "Nor'easter Dark Roast",
    handle: 'noreaster-dark-roast',
    sku: 'TW-COF-011',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 1600,
    status: 'active',
    description:
      'Roasted to the edge of second crack for a bold, smoky cup with molasses and bittersweet chocolate. ' +
      'A blend of Sumatra and Brazil keeps it full-bodied without ashy bitterness. Built for a thermos on a ' +
      'cold dock at six in the morning.',
    seoTitle: "Nor'easter Dark Roast Coffee | Tidewater Coffee",
    seoDescription:
      'A bold, smoky dark roast of Sumatra and Brazil with molasses and bittersweet chocolate, never ashy.',
  },
  {
    title: 'Brazil Cerrado Mineiro',
    handle: 'brazil-cerrado-mineiro',
    sku: 'TW-COF-012',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 1400,
    status: 'active',
    description:
      'A natural-process coffee from the high plateau of the Cerrado, where a reliably dry harvest season ' +
      'means even drying. Low in acidity, with peanut butter, cocoa and a creamy, heavy body. Our best ' +
      'value bean and the backbone of the Harbor Espresso Blend.',
    seoTitle: 'Brazil Cerrado Mineiro Natural | Tidewater Coffee',
    seoDescription:
      'Natural-process Brazilian coffee with peanut butter, cocoa and a creamy body. Low acidity, great ' +
      'everyday value.',
  },
  {
    title: 'Cold Brew Coarse Grind, 2 lb',
    handle: 'cold-brew-coarse-grind',
    sku: 'TW-COF-013',
    productType: 'Coffee Beans',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 3800,
    status: 'draft',
    description:
      'Two pounds of a chocolate-forward Brazil and Guatemala blend, ground coarse and ready to steep. Use ' +
      'one cup of grounds to four cups of cold water, leave it in the fridge for 16 hours, then strain. The ' +
      'concentrate keeps for a week; dilute it one to one with water or milk. Back for the summer season.',
    seoTitle: 'Cold Brew Coffee, Coarse Ground 2 lb | Tidewater Coffee',
    seoDescription:
      'A chocolate-forward Brazil and Guatemala blend, pre-ground coarse for cold brew. Two pounds, with an ' +
      'easy 16-hour recipe.',
  },
  {
    title: 'Porcelain Pour-Over Dripper',
    handle: 'porcelain-pour-over-dripper',
    sku: 'TW-BRW-001',
    productType: 'Brewing Gear',
    vendor: 'Kiln & Cone',
    priceAmount: 2800,
    status: 'active',
    description:
      'A size 02 cone in white porcelain, with spiral ribs inside that stop the filter sealing against the ' +
      'wall so the brew drains evenly. It makes one to four cups and sits on most mugs and carafes. Warm it ' +
      'with hot water first for a more consistent extraction.',
    seoTitle: 'Porcelain Pour-Over Coffee Dripper, Size 02 | Tidewater Coffee',
    seoDescription:
      'A size 02 porcelain cone dripper with spiral ribs for an even drawdown. Brews one to four cups over ' +
      'a mug or carafe.',
  },
  {
    title: 'Stovetop Gooseneck Kettle',
    handle: 'stovetop-gooseneck-kettle',
    sku: 'TW-BRW-002',
    productType: 'Brewing Gear',
    vendor: 'Marlowe Kettle Co.',
    priceAmount: 5800,
    status: 'active',
    description:
      'A 1 litre brushed stainless kettle whose narrow gooseneck spout gives a slow, precise pour. It works ' +
      'on gas, electric and induction, and a thermometer set into the lid shows when you are at brewing ' +
      'temperature. The handle is wrapped in walnut so it stays cool.',
    seoTitle: 'Stovetop Gooseneck Kettle with Thermometer | Tidewater Coffee',
    seoDescription:
      'A 1 litre stainless gooseneck kettle with a lid thermometer and walnut handle. Works on gas, electric ' +
      'and induction.',
  },
  {
    title: 'Electric Gooseneck Kettle',
    handle: 'electric-gooseneck-kettle',
    sku: 'TW-BRW-003',
    productType: 'Brewing Gear',
    vendor: 'Marlowe Kettle Co.',
    priceAmount: 13900,
    status: 'active',
    description:
      'Set any temperature from 135 °F to 212 °F and the 0.9 litre kettle holds it for up to an hour. A ' +
      "counterweighted handle keeps the pour balanced even when it's full. The 1,200 W element brings water " +
      'to a boil in about five minutes.',
    seoTitle: 'Electric Gooseneck Kettle, Variable Temp | Tidewater Coffee',
    seoDescription:
      'A 0.9 L electric gooseneck kettle with precise temperature control from 135 to 212 °F and a one-hour ' +
      'hold.',
  },
  {
    title: 'Hand Burr Grinder',
    handle: 'hand-burr-grinder',
    sku: 'TW-BRW-004',
    productType: 'Brewing Gear',
    vendor: 'Grindwell',
    priceAmount: 11200,
    status: 'active',
    description:
      'Stainless steel conical burrs with 40 click settings grind anything from Turkish fine to French ' +
      'press coarse. The aluminium body holds 25 g, enough for a large pour-over, in about 45 seconds of ' +
      'cranking. Small enough to pack for a camping trip.',
    seoTitle: 'Hand Coffee Grinder, Steel Conical Burrs | Tidewater Coffee',
    seoDescription:
      'A portable hand grinder with stainless conical burrs and 40 click settings, from Turkish to French ' +
      'press. 25 g capacity.',
  },
  {
    title: 'Glass Coffee Server, 600 ml',
    handle: 'glass-coffee-server-600',
    sku: 'TW-BRW-005',
    productType: 'Brewing Gear',
    vendor: 'Kiln & Cone',
    priceAmount: 2600,
    status: 'active',
    description:
      'A borosilicate glass server with a volume scale printed in both millilitres and cups. It sits under ' +
      'our porcelain dripper and most other cone brewers. Safe on a low gas flame to keep the coffee warm.',
    seoTitle: 'Glass Coffee Server, 600 ml | Tidewater Coffee',
    seoDescription:
      'A 600 ml borosilicate coffee server with printed volume marks. Fits under most pour-over cones; ' +
      'stovetop safe.',
  },
  {
    title: 'Eight-Cup French Press',
    handle: 'eight-cup-french-press',
    sku: 'TW-BRW-006',
    productType: 'Brewing Gear',
    vendor: 'Marlowe Kettle Co.',
    priceAmount: 4200,
    status: 'active',
    description:
      'A 1 litre press with a double stainless mesh filter that holds back the fines that make French press ' +
      'cups muddy. The frame is brushed steel and the heat-resistant glass beaker can be replaced. Use 60 g ' +
      'of coarse coffee and four minutes of steeping for a rich, heavy cup.',
    seoTitle: 'French Press Coffee Maker, 1 Litre | Tidewater Coffee',
    seoDescription:
      'A 1 litre French press with a double mesh filter for a clean, rich cup. Brushed steel frame and ' +
      'replaceable glass.',
  },
  {
    title: 'Brewing Scale with Timer',
    handle: 'brewing-scale-timer',
    sku: 'TW-BRW-007',
    productType: 'Brewing Gear',
    vendor: 'Grindwell',
    priceAmount: 5400,
    status: 'active',
    description:
      'Weighs up to 2 kg in 0.1 g steps and starts its timer the moment water hits the coffee. A silicone ' +
      'mat protects the scale from heat and spills. It charges over USB-C, and one charge lasts about a ' +
      'month of daily brewing.',
    seoTitle: 'Coffee Scale with Auto Timer, 0.1 g | Tidewater Coffee',
    seoDescription:
      'A 0.1 g precision coffee scale with an auto-start timer, heat-proof silicone mat and USB-C charging.',
  },
  {
    title: 'Flat Burr Electric Grinder',
    handle: 'flat-burr-electric-grinder',
    sku: 'TW-BRW-008',
    productType: 'Brewing Gear',
    vendor: 'Grindwell',
    priceAmount: 16000,
    status: 'draft',
    description:
      'Flat 64 mm steel burrs turned by a low-speed motor that keeps the grounds cool and the particle size ' +
      'even. It is built for single dosing: weigh your beans, drop them in, and less than 0.1 g stays ' +
      'behind. Arriving once our tasting panel has finished dialling it in.',
  },
  {
    title: 'Paper Filters, Size 02, 100 Pack',
    handle: 'paper-filters-02',
    sku: 'TW-BRW-009',
    productType: 'Brewing Gear',
    vendor: 'Kiln & Cone',
    priceAmount: 900,
    status: 'active',
    description:
      'Unbleached size 02 cone filters cut to fit our porcelain dripper. Rinsing each one with hot water ' +
      'before brewing removes any papery taste and warms the cone. Made from responsibly sourced pulp and ' +
      'compostable after use.',
  },
  {
    title: 'Origin Explorer Trio',
    handle: 'origin-explorer-trio',
    sku: 'TW-BDL-001',
    productType: 'Bundles',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 5200,
    status: 'active',
    description:
      'Three 8 oz bags of single origins chosen to show how different coffee can taste: a floral Ethiopian, ' +
      'a fruity Kenyan and a chocolatey Guatemalan. Tasting cards in the box describe each farm and suggest ' +
      'a brew recipe. A favourite gift for the curious coffee drinker.',
    seoTitle: 'Single Origin Coffee Tasting Set | Tidewater Coffee',
    seoDescription:
      'Three 8 oz single-origin coffees from Ethiopia, Kenya and Guatemala with tasting cards. A perfect ' +
      'coffee gift.',
  },
  {
    title: 'Pour-Over Starter Kit',
    handle: 'pour-over-starter-kit',
    sku: 'TW-BDL-002',
    productType: 'Bundles',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 6800,
    status: 'active',
    description:
      'Everything for a first great pour-over: our porcelain dripper, the 600 ml glass server, 100 paper ' +
      'filters and a 12 oz bag of Morning Fog. A printed guide walks through grind size, ratio and timing ' +
      'step by step. It costs $11 less than buying the pieces separately.',
    seoTitle: 'Pour-Over Coffee Starter Kit | Tidewater Coffee',
    seoDescription:
      'Porcelain dripper, glass server, 100 filters, a bag of Morning Fog and a brew guide: all you need to ' +
      'start pour-over.',
  },
  {
    title: 'Three-Month Coffee Gift',
    handle: 'three-month-coffee-gift',
    sku: 'TW-BDL-003',
    productType: 'Bundles',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 6900,
    status: 'active',
    description:
      'A prepaid gift of one fresh 12 oz bag a month for three months, each a different single origin ' +
      'picked by our roasters. The first bag ships on the date you choose, with a card carrying your ' +
      'message. Shipping is included, and there is no renewal for the recipient to cancel.',
    seoTitle: 'Three-Month Coffee Gift Subscription | Tidewater Coffee',
    seoDescription:
      'Give three months of freshly roasted single-origin coffee, one 12 oz bag a month. Prepaid, shipping ' +
      'included, no renewal.',
  },
  {
    title: 'Enamel Camp Mug',
    handle: 'enamel-camp-mug',
    sku: 'TW-MER-001',
    productType: 'Merch',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 1800,
    status: 'active',
    description:
      'A 12 oz steel mug with a speckled navy enamel finish and our tide-line logo fired on. Light, tough ' +
      'and at home on a boat deck or a campfire grate. Hand wash it to keep the rim bright.',
    seoTitle: 'Enamel Camp Mug, 12 oz | Tidewater Coffee',
    seoDescription:
      'A speckled navy 12 oz enamel camp mug with the Tidewater tide-line logo. Light, tough and ' +
      'campfire-ready.',
  },
  {
    title: 'Canvas Market Tote',
    handle: 'canvas-market-tote',
    sku: 'TW-MER-002',
    productType: 'Merch',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 2200,
    status: 'active',
    description:
      'Heavy 12 oz natural cotton canvas with reinforced handles long enough to wear over a shoulder. ' +
      'There is room for four bags of coffee, a baguette and the Sunday paper. Printed with the Tidewater ' +
      'wave in water-based ink.',
  },
  {
    title: 'Insulated Travel Tumbler',
    handle: 'insulated-travel-tumbler',
    sku: 'TW-MER-003',
    productType: 'Merch',
    vendor: 'Tidewater Coffee Co.',
    priceAmount: 3200,
    status: 'active',
    description:
      'Double-walled stainless steel keeps coffee hot for six hours, and the 12 oz size fits under most ' +
      'espresso spouts and car cup holders. The slide-lock lid is leakproof when closed and comes apart for ' +
      'cleaning. Powder coated in sea-glass green.',
    seoTitle: 'Insulated Coffee Tumbler, 12 oz | Tidewater Coffee',
    seoDescription:
      'A leakproof 12 oz double-walled tumbler that keeps coffee hot for six hours. Fits cup holders; ' +
      'sea-glass green.',
  },
];

export const demoStores: DemoStore[] = [
  {
    handle: 'alder-ash',
    name: 'Alder & Ash',
    baseCurrency: 'EUR',
    locale: 'en',
    locales: ['en', 'de'],
    timezone: 'Europe/Berlin',
    tagline: 'Honest things for the kitchen and the table, made to be used every day.',
    products: alderAshProducts,
  },
  {
    handle: 'tidewater-coffee',
    name: 'Tidewater Coffee Co.',
    baseCurrency: 'USD',
    locale: 'en',
    timezone: 'America/New_York',
    tagline: 'Small-batch specialty coffee, roasted on the Maine coast.',
    products: tidewaterProducts,
  },
];
