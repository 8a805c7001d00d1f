/**
 * Column names the mapping proposal recognises: the EU customs data model (Union Customs Code,
 * Annex B data elements, by name and by number such as "13 05" for the declarant), the older SAD
 * box numbers where they are common, today's English names (KCS …) and common French and German
 * headings. Names are matched after `normaliseName` (lower case, accents removed, anything but
 * letters and digits as one space).
 */
import type { Role } from './mapping.ts';

export function normaliseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface VocabularyEntry {
  role: Role;
  /** What the entry stands for, shown in the reason ("EU data element 13 05 declarant"). */
  label: string;
  re: RegExp;
}

/** A data element number "13 05" written as "13 05", "1305", "13.05", "DE 13 05", "13 05 017 000". */
const de = (g: string, e: string) => `(^| )(de )?${g} ?${e}( \\d{3})*( |$)`;

/** Identifiers of the declaration (the first match with distinct values becomes `id`). */
export const ID_NAMES: Array<{ label: string; re: RegExp }> = [
  { label: 'MRN (movement reference number)', re: /(^| )mrn( |$)|movement reference/ },
  {
    label: 'declaration identifier',
    re: /(^| )(declaration|decl|entry|record|reference|ref)( id| no| nr| number| ref| reference)?$|^id$|^(declaration|entry) (identifier|reference)/,
  },
  { label: 'LRN (local reference number)', re: /(^| )lrn( |$)|local reference/ },
  {
    label: 'French declaration number',
    re: /^(n(umero)?|no|num) (de )?(la )?declaration$|^reference declaration$/,
  },
  {
    label: 'German declaration number',
    re: /^(anmeldungs|registrier|bezugs)(nummer|nr)$|^anmeldung (nr|nummer)$/,
  },
];

/** Outcome columns: binary ones become the label; others (severity, amount found …) are ignored. */
export const OUTCOME_NAME =
  /fraud|fraude|betrug|label|target|illicit|irregular|irregularit|unregelmassig|seizure|saisie|beschlagnahm|infraction|verstoss|offence|offense|violation|severity|gravite|schweregrad|critical|control result|resultat (du )?controle|kontrollergebnis|befund|outcome|finding|detected|hit rate/;
export const LABEL_NAME =
  /^(is )?(fraud|fraude|betrug|label|target|illicit|irregular|irregularity|irregularite|unregelmassigkeit|positive|hit|seizure|saisie|result|outcome|finding|infraction|offence|offense|violation|control result|resultat (du )?controle|kontrollergebnis|befund)( flag| found| detected| yes no| 0 1)?$/;

/** Roles by name, in order (the first that fits and whose role is still free wins). */
export const NAME_RULES: VocabularyEntry[] = [
  {
    role: 'revenue',
    label: 'recovered revenue',
    re: /revenue|recovered|additional (duty|tax)|duty recovered|tax recovered|droits (redresses|recouvres)|nacherhebung|mehrergebnis/,
  },
  {
    role: 'date',
    label: 'acceptance / declaration date (EU data element 15 09)',
    re: new RegExp(
      `(^| )(date|time|timestamp|day|datum|jour)( |$)|acceptance|annahme|${de('15', '09')}|date d acceptation`,
    ),
  },
  {
    role: 'hs',
    label: 'commodity code (CN / TARIC / HS, EU data element 18 09)',
    re: new RegExp(
      `(^| )(hs|hs\\d+|cn|cn8|taric|commodity|tariff)( code|$| |\\d)|hs code|cn code|combined nomenclature|code (de )?(la )?marchandise|code nc|nomenclature|position tarifaire|warennummer|warencode|kn code|zolltarifnummer|tarifnummer|${de('18', '09')}|(^| )box 33( |$)`,
    ),
  },
  {
    role: 'origin',
    label: 'country of origin (EU data element 16 08)',
    re: new RegExp(
      `country of origin(?! indicator)|origin country|^origin$|^coo$|pays d origine|^origine$|ursprungsland|^ursprung$|${de('16', '08')}|(^| )box 34( |$)`,
    ),
  },
  {
    role: 'departure',
    label: 'country of dispatch / export (EU data element 16 06)',
    re: new RegExp(
      `departure|dispatch|country of export|export country|consignment country|pays d expedition|pays de provenance|pays d exportation|versendungsland|ausfuhrland|herkunftsland|${de('16', '06')}|(^| )box 15( |$)`,
    ),
  },
  {
    role: 'destination',
    label: 'country of destination (EU data element 16 03)',
    re: new RegExp(`destination|bestimmungsland|${de('16', '03')}|(^| )box 17( |$)`),
  },
  {
    role: 'importer',
    label: 'importer (EU data element 13 04)',
    re: new RegExp(`importer|importateur|einfuhrer|importeur|${de('13', '04')}`),
  },
  {
    role: 'exporter',
    label: 'exporter / seller (EU data element 13 01)',
    re: new RegExp(
      `exporter|seller|supplier|vendor|exportateur|vendeur|fournisseur|ausfuhrer|exporteur|verkaufer|lieferant|${de('13', '01')}`,
    ),
  },
  {
    role: 'consignor',
    label: 'consignor (EU data element 13 02)',
    re: new RegExp(`consignor|shipper|expediteur|versender|${de('13', '02')}`),
  },
  {
    role: 'consignee',
    label: 'consignee (EU data element 13 03)',
    re: new RegExp(`consignee|destinataire|empfanger|${de('13', '03')}`),
  },
  {
    role: 'declarant',
    label: 'declarant (EU data element 13 05)',
    re: new RegExp(`declarant|broker|customs agent|anmelder|${de('13', '05')}|(^| )box 14( |$)`),
  },
  {
    role: 'office',
    label: 'customs office',
    re: /office|customs post|port of entry|bureau de douane|(^| )bureau( |$)|zollstelle|zollamt/,
  },
  {
    role: 'direction',
    label: 'direction',
    re: /^(direction|flow|procedure direction|declaration direction)$/,
  },
  {
    role: 'value',
    label: 'statistical value / invoice amount (EU data elements 99 06, 14 06)',
    re: new RegExp(
      `statistical value|price|value|amount|invoice|valeur|montant|prix|facture|statistischer wert|(^| )wert( |$)|zollwert|rechnungsbetrag|rechnungspreis|betrag|${de('99', '06')}|${de('14', '06')}|(^| )box 46( |$)`,
    ),
  },
  {
    role: 'mass',
    label: 'net mass (EU data element 18 01)',
    re: new RegExp(
      `net mass|net weight|(^| )mass|weight|(^| )kg( |$)|kilogram|masse nette|poids net|(^| )masse|(^| )poids|eigenmasse|nettomasse|nettogewicht|gewicht|${de('18', '01')}|(^| )box 38( |$)`,
    ),
  },
  {
    role: 'quantity',
    label: 'supplementary units (EU data element 18 02)',
    re: new RegExp(
      `quantity|qty|units|pieces|unites supplementaires|quantite|besondere masseinheit|menge|anzahl|stuck|${de('18', '02')}|(^| )box 41( |$)`,
    ),
  },
];

/**
 * Columns the EU data model names that are best read as codes (categorical) or kept out of the
 * model (free text, second identifiers). Checked before the value-based inference.
 */
export const CODE_NAMES: VocabularyEntry[] = [
  {
    role: 'ignore',
    label: 'second identifier of the declaration (LRN / MRN / item number): never a risk indicator',
    re: /(^| )(lrn|mrn)( |$)|local reference|movement reference|goods item number|item (no|number|nr)|positionsnummer|numero d article/,
  },
  {
    role: 'text',
    label: 'free text (description, remarks): not used by the model',
    re: /description|remarks?|comments?|notes?|remarques?|commentaires?|observations?|designation|bemerkung(en)?|warenbezeichnung|beschreibung|freitext|anmerkung(en)?/,
  },
  {
    role: 'categorical',
    label: 'customs procedure code (EU data element 11 09)',
    re: new RegExp(
      `procedure|regime douanier|code regime|verfahren|${de('11', '09')}|${de('11', '10')}|(^| )cpc( |$)|(^| )box 37( |$)`,
    ),
  },
  {
    role: 'categorical',
    label: 'preference (EU data element 14 11)',
    re: new RegExp(`preference|praferenz|${de('14', '11')}|(^| )box 36( |$)`),
  },
  {
    role: 'categorical',
    label: 'valuation method (EU data element 14 10)',
    re: new RegExp(`valuation method|methode d evaluation|bewertungsmethode|${de('14', '10')}`),
  },
  {
    role: 'categorical',
    label: 'mode of transport at the border (EU data element 19 03)',
    re: new RegExp(
      `mode of transport|transport mode|mode de transport|verkehrszweig|beforderungsart|${de('19', '03')}|(^| )box 25( |$)`,
    ),
  },
  {
    role: 'categorical',
    label: 'container indicator (EU data element 19 01)',
    re: new RegExp(`container|conteneur|behalter|${de('19', '01')}|(^| )box 19( |$)`),
  },
  {
    role: 'categorical',
    label: 'location of goods (EU data element 16 15)',
    re: new RegExp(
      `location of goods|localisation des marchandises|warenort|ort der waren|${de('16', '15')}|(^| )box 30( |$)`,
    ),
  },
  {
    role: 'categorical',
    label: 'representative (EU data element 13 06)',
    re: new RegExp(`representative|representant|vertreter|${de('13', '06')}`),
  },
  {
    role: 'categorical',
    label: 'country of preferential origin (EU data element 16 09)',
    re: new RegExp(`preferential origin|origine preferentielle|praferenzursprung|${de('16', '09')}`),
  },
  {
    role: 'categorical',
    label: 'declaration type (EU data elements 11 01, 11 02)',
    re: new RegExp(
      `declaration type|type of declaration|type de declaration|anmeldeart|${de('11', '01')}|${de('11', '02')}`,
    ),
  },
  {
    role: 'categorical',
    label: 'delivery terms (Incoterm, EU data element 16 13)',
    re: new RegExp(`incoterm|delivery terms|conditions de livraison|lieferbedingung|${de('16', '13')}`),
  },
  {
    role: 'numeric',
    label: 'gross mass / amounts beyond the first value (EU data element 18 04)',
    re: new RegExp(`gross mass|gross weight|masse brute|poids brut|rohmasse|bruttogewicht|${de('18', '04')}`),
  },
];
