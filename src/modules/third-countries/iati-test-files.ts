/**
 * IATI activity files for tests, written here as other publishers write them (the platform has
 * no real donor files): optional elements, several languages, transactions, budgets over several
 * periods, sectors of several vocabularies, regions, documents, contacts, results, a namespaced
 * extension element. `donorFile(20)` holds 20 activities: 12 with a customs sector (33120 trade
 * facilitation or 15114 domestic revenue mobilisation) across the Western Balkans, the Eastern
 * Partnership, North Africa and Central Asia, and 8 in other sectors.
 */

const COUNTRIES = [
  'RS',
  'AL',
  'MK',
  'BA',
  'ME',
  'MD',
  'UA',
  'GE',
  'AM',
  'MA',
  'TN',
  'EG',
  'KZ',
  'UZ',
  'KG',
  'TJ',
];
const OTHER_SECTORS = ['12220', '11220', '14030', '23210'];

export function donorActivity(i: number, publisher = 'XM-EXAMPLE-DONOR'): string {
  const customs = i < 12;
  const sector = customs ? (i % 2 === 0 ? '33120' : '15114') : OTHER_SECTORS[i % OTHER_SECTORS.length]!;
  const country = COUNTRIES[i % COUNTRIES.length]!;
  const second = COUNTRIES[(i + 5) % COUNTRIES.length]!;
  const year = 2024 + (i % 3);
  return `  <iati-activity last-updated-datetime="2026-03-0${(i % 9) + 1}T10:00:00Z" xml:lang="en" default-currency="EUR" hierarchy="1">
    <iati-identifier>${publisher}-ACT-${String(i + 1).padStart(3, '0')}</iati-identifier>
    <reporting-org ref="${publisher}" type="10"><narrative>Example Donor Agency</narrative></reporting-org>
    <title>
      <narrative>${customs ? 'Customs modernisation' : 'Basic services'} programme ${i + 1} &amp; partners</narrative>
      <narrative xml:lang="fr">Programme ${customs ? 'de modernisation douanière' : 'de services de base'} ${i + 1}</narrative>
      <narrative xml:lang="ru">Программа ${i + 1}</narrative>
    </title>
    <description type="1">
      <narrative>${customs ? 'Border management, risk-based controls and revenue collection' : 'Primary health and water'} in ${country}.</narrative>
      <narrative xml:lang="de">Programm ${i + 1} in ${country}.</narrative>
    </description>
    <description type="2"><narrative>Objectives of programme ${i + 1}.</narrative></description>
    <participating-org ref="${publisher}" role="1" type="10"><narrative>Example Donor Agency</narrative></participating-org>
    <participating-org role="4" type="10"><narrative>Customs Administration of ${country}</narrative></participating-org>
    <other-identifier ref="LEGACY-${i}" type="B1"/>
    <activity-status code="${i % 4 === 3 ? '1' : '2'}"/>
    <activity-date iso-date="${year}-01-15" type="1"/>
    <activity-date iso-date="${year}-02-01" type="2"/>
    <activity-date iso-date="${year + 2}-12-31" type="3"/>
    <contact-info type="1">
      <organisation><narrative>Example Donor Agency</narrative></organisation>
      <department><narrative>Trade and customs unit</narrative></department>
      <email>customs@example.org</email>
      <website>https://donor.example.org/customs</website>
    </contact-info>
    <activity-scope code="4"/>
    <recipient-country code="${country}" percentage="60"><narrative>${country}</narrative></recipient-country>
    <recipient-country code="${second}" percentage="40"/>
    ${i % 5 === 0 ? '<recipient-region code="998" vocabulary="1" percentage="0"/>' : ''}
    <sector vocabulary="1" code="${sector}" percentage="80"/>
    <sector vocabulary="1" code="33110" percentage="20"/>
    <sector vocabulary="2" code="331"/>
    <policy-marker vocabulary="1" code="1" significance="1"/>
    <collaboration-type code="1"/>
    <default-flow-type code="10"/>
    <default-finance-type code="110"/>
    <default-aid-type code="C01"/>
    <default-tied-status code="5"/>
    <budget type="1" status="2">
      <period-start iso-date="${year}-01-01"/>
      <period-end iso-date="${year}-12-31"/>
      <value currency="EUR" value-date="${year}-01-01">${(i + 1) * 100000}</value>
    </budget>
    <budget type="1" status="2">
      <period-start iso-date="${year + 1}-01-01"/>
      <period-end iso-date="${year + 1}-12-31"/>
      <value value-date="${year + 1}-01-01">${(i + 1) * 50000}</value>
    </budget>
    <transaction>
      <transaction-type code="2"/>
      <transaction-date iso-date="${year}-02-01"/>
      <value currency="EUR" value-date="${year}-02-01">${(i + 1) * 150000}</value>
    </transaction>
    <transaction>
      <transaction-type code="3"/>
      <transaction-date iso-date="${year}-06-01"/>
      <value value-date="${year}-06-01">${(i + 1) * 20000}</value>
      <provider-org ref="${publisher}"><narrative>Example Donor Agency</narrative></provider-org>
    </transaction>
    <document-link format="application/pdf" url="https://donor.example.org/docs/${i + 1}.pdf">
      <title><narrative>Programme document ${i + 1}</narrative></title>
      <category code="A02"/>
      <language code="en"/>
    </document-link>
    <result type="1" aggregation-status="1">
      <title><narrative>Clearance times reduced</narrative><narrative xml:lang="fr">Délais de dédouanement réduits</narrative></title>
      <indicator measure="1" ascending="0"><title><narrative>Average clearance time (hours)</narrative></title></indicator>
    </result>
    <ext:note xmlns:ext="https://donor.example.org/ns">Internal reference ${i}</ext:note>
  </iati-activity>
`;
}

export function donorFile(n: number, version = '2.03', publisher?: string): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Written for the platform's tests -->\n<iati-activities version="${version}" generated-datetime="2026-03-10T12:00:00Z">\n`;
  for (let i = 0; i < n; i++) out += donorActivity(i, publisher);
  return `${out}</iati-activities>\n`;
}
