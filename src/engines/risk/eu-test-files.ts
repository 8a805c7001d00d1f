/**
 * Test files that look like what EU administrations hold, made from the shared KCS files: columns
 * renamed to the EU customs data model (or German headings) and reordered, semicolon-separated,
 * decimal commas with thousand separators, dd/mm/yyyy or dd.mm.yyyy dates, an extra remarks
 * column (with a stray quote and a quoted semicolon), optionally without the outcome columns.
 * Used by the engine's and the platform's tests; nothing here is committed data.
 */

/** KCS column → EU data-model name (English). */
export const EU_NAMES: Record<string, string> = {
  'Declaration ID': 'MRN',
  Date: 'Acceptance date (15 09)',
  'Office ID': 'Customs office of lodgement',
  'Process Type': 'Requested procedure (11 09)',
  'Import Type': 'Additional declaration type (11 02)',
  'Import Use': 'Preference (14 11)',
  'Payment Type': 'Method of payment',
  'Mode of Transport': 'Mode of transport at the border (19 03)',
  'Declarant ID': 'Declarant EORI (13 05)',
  'Importer ID': 'Importer EORI (13 04)',
  'Seller ID': 'Exporter EORI (13 01)',
  'Courier ID': 'Representative EORI (13 06)',
  'HS6 Code': 'Commodity code (18 09)',
  'Country of Departure': 'Country of dispatch (16 06)',
  'Country of Origin': 'Country of origin (16 08)',
  'Tax Rate': 'Duty rate',
  'Tax Type': 'Tax type',
  'Country of Origin Indicator': 'Origin indicator',
  'Net Mass': 'Net mass (18 01)',
  'Item Price': 'Statistical value (99 06)',
  Fraud: 'Irregularity',
  'Critical Fraud': 'Severity',
};

/** KCS column → German heading. */
export const GERMAN_NAMES: Record<string, string> = {
  'Declaration ID': 'Registriernummer',
  Date: 'Annahmedatum',
  'Office ID': 'Zollstelle',
  'Process Type': 'Verfahren',
  'Import Type': 'Anmeldeart',
  'Import Use': 'Präferenz',
  'Payment Type': 'Zahlungsart',
  'Mode of Transport': 'Verkehrszweig an der Grenze',
  'Declarant ID': 'Anmelder EORI',
  'Importer ID': 'Einführer EORI',
  'Seller ID': 'Ausführer',
  'Courier ID': 'Vertreter',
  'HS6 Code': 'Warennummer',
  'Country of Departure': 'Versendungsland',
  'Country of Origin': 'Ursprungsland',
  'Tax Rate': 'Zollsatz',
  'Tax Type': 'Abgabenart',
  'Country of Origin Indicator': 'Ursprungskennzeichen',
  'Net Mass': 'Eigenmasse',
  'Item Price': 'Statistischer Wert',
  Fraud: 'Unregelmäßigkeit',
  'Critical Fraud': 'Schweregrad',
};

const REMARKS = ['', 'ACME 5" PIPES', 'checked; documents complete', 'Müller GmbH, second delivery', ''];

export interface EuFileOptions {
  names: Record<string, string>;
  /** Date separator: '/' gives dd/mm/yyyy, '.' gives dd.mm.yyyy. */
  dateSeparator: '/' | '.';
  /** Keep the outcome columns (Fraud, Critical Fraud) — false for files to score. */
  outcomes: boolean;
  /** Rename, without touching values, the given KCS columns (e.g. Critical Fraud → "Control code"). */
  rename?: Record<string, string>;
}

function euNumber(v: string): string {
  if (v === '') return v;
  const [int, frac] = v.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = int!.replace('-', '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

const cell = (v: string) =>
  /[;"\n]/.test(v) && !/^[^;\n]*"[^;\n]*$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/**
 * Converts KCS CSV lines (header first, comma-separated, no quoted fields) into an EU-style
 * semicolon file; the column order is reversed and a remarks column is inserted third.
 */
export function euFileLines(kcsLines: string[], opts: EuFileOptions): string[] {
  const header = kcsLines[0]!.split(',');
  const keep = header
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => opts.outcomes || (h !== 'Fraud' && h !== 'Critical Fraud'))
    .reverse();
  const name = (h: string) => opts.rename?.[h] ?? opts.names[h] ?? h;
  const remarks = opts.names === GERMAN_NAMES ? 'Bemerkungen' : 'Remarks';
  const out: string[] = [];
  const cols = keep.map(({ h }) => name(h));
  cols.splice(2, 0, remarks);
  out.push(cols.map(cell).join(';'));
  kcsLines.slice(1).forEach((line, r) => {
    if (line.trim() === '') return;
    const v = line.split(',');
    const cells = keep.map(({ h, i }) => {
      const x = v[i] ?? '';
      if (h === 'Date') {
        const [y, m, d] = x.split('-');
        return `${d}${opts.dateSeparator}${m}${opts.dateSeparator}${y}`;
      }
      if (h === 'Net Mass' || h === 'Item Price' || h === 'Tax Rate') return euNumber(x);
      return x;
    });
    cells.splice(2, 0, REMARKS[r % REMARKS.length]!);
    out.push(cells.map(cell).join(';'));
  });
  return out;
}
