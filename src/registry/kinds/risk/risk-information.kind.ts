import { defineKind } from '../../definition.ts';
import { riskFamily } from './risk-family.codes.ts';
import { riskInformationUrgency } from './risk-information.codes.ts';

/**
 * Operational risk information sent by one administration to others (issue 17): what was detected
 * (risk family, modus operandi, concealment), the goods by CN code, the route, the parties, the
 * indicators, the recommended control action, validity and urgency, and the reference of the
 * operational system's record (e.g. a CRMS number). Marking and distribution are the registry
 * envelope's: most are TLP:AMBER or RED to named administrations. Recipients confirm receipt and
 * send feedback (src/modules/risk-information, table `risk_information_feedback`).
 */
export const riskInformation = defineKind({
  name: 'risk_information',
  label: { en: 'Risk information', fr: 'Information sur les risques', de: 'Risikoinformation' },
  labelPlural: {
    en: 'Risk information',
    fr: 'Informations sur les risques',
    de: 'Risikoinformationen',
  },
  description: {
    en: 'Structured risk information for other administrations: what was detected, goods, route, parties, indicators and the recommended control; recipients confirm receipt and report what their controls found.',
    fr: 'Informations structurées sur les risques pour d’autres administrations : ce qui a été détecté, marchandises, itinéraire, parties, indicateurs et contrôle recommandé ; les destinataires accusent réception et rendent compte de leurs contrôles.',
    de: 'Strukturierte Risikoinformationen für andere Verwaltungen: Festgestelltes, Waren, Route, Beteiligte, Indikatoren und empfohlene Kontrolle; die Empfänger bestätigen den Eingang und melden die Ergebnisse ihrer Kontrollen.',
  },
  formHint: {
    en: 'Name natural persons only where the control needs it. Choose TLP:AMBER or RED and the administrations that need to act.',
    fr: 'Ne nommez des personnes physiques que si le contrôle l’exige. Choisissez TLP:AMBER ou RED et les administrations qui doivent agir.',
    de: 'Nennen Sie natürliche Personen nur, wenn die Kontrolle es erfordert. Wählen Sie TLP:AMBER oder RED und die Verwaltungen, die handeln sollen.',
  },
  area: 'risk',
  network: 'risk-management',
  codeLists: [riskFamily, riskInformationUrgency],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 200 },
    family: {
      type: 'code',
      codeList: 'risk_family',
      label: { en: 'Risk family', fr: 'Famille de risque', de: 'Risikofamilie' },
      required: true,
    },
    modus_operandi: {
      type: 'text',
      label: { en: 'Modus operandi', fr: 'Mode opératoire', de: 'Vorgehensweise' },
      required: true,
      multiline: true,
      maxLength: 4000,
    },
    concealment: {
      type: 'text',
      label: { en: 'Concealment', fr: 'Dissimulation', de: 'Verschleierung' },
      multiline: true,
      maxLength: 2000,
    },
    goods: {
      type: 'list',
      label: { en: 'Goods', fr: 'Marchandises', de: 'Waren' },
      maxItems: 200,
      of: {
        type: 'object',
        label: { en: 'Goods', fr: 'Marchandise', de: 'Ware' },
        fields: {
          cn_code: {
            type: 'text',
            label: { en: 'CN/HS code', fr: 'Code NC/SH', de: 'KN/HS-Code' },
            required: true,
            pattern: '^[0-9]{2,10}$',
            patternHint: {
              en: 'Two to ten digits, e.g. 8703 or 87032390.',
              fr: 'Deux à dix chiffres, p. ex. 8703 ou 87032390.',
              de: 'Zwei bis zehn Ziffern, z. B. 8703 oder 87032390.',
            },
          },
          description: {
            type: 'text',
            label: { en: 'Description', fr: 'Description', de: 'Beschreibung' },
            maxLength: 500,
          },
        },
      },
    },
    route: {
      type: 'object',
      label: { en: 'Route', fr: 'Itinéraire', de: 'Route' },
      fields: {
        countries: {
          type: 'list',
          label: { en: 'Countries', fr: 'Pays', de: 'Länder' },
          maxItems: 30,
          // Routes cross third countries: any ISO 3166-1 alpha-2 code (the `country` type holds Member States only).
          of: {
            type: 'text',
            pattern: '^[A-Z]{2}$',
            patternHint: {
              en: 'An ISO 3166-1 two-letter country code in capitals, e.g. CN or NL.',
              fr: 'Un code pays ISO 3166-1 à deux lettres majuscules, p. ex. CN ou NL.',
              de: 'Ein zweistelliger Ländercode nach ISO 3166-1 in Großbuchstaben, z. B. CN oder NL.',
            },
          },
        },
        places: {
          type: 'list',
          label: { en: 'Places', fr: 'Lieux', de: 'Orte' },
          maxItems: 30,
          of: { type: 'text', maxLength: 200 },
        },
        transport_mode: {
          type: 'text',
          label: { en: 'Mode of transport', fr: 'Mode de transport', de: 'Verkehrszweig' },
          maxLength: 60,
        },
        container: {
          type: 'text',
          label: { en: 'Container', fr: 'Conteneur', de: 'Container' },
          maxLength: 20,
          pattern: '^[A-Z]{4}[0-9]{7}$',
          patternHint: {
            en: 'An ISO 6346 container number: four letters and seven digits, e.g. MSCU1234565.',
            fr: 'Un numéro de conteneur ISO 6346 : quatre lettres et sept chiffres, p. ex. MSCU1234565.',
            de: 'Eine Containernummer nach ISO 6346: vier Buchstaben und sieben Ziffern, z. B. MSCU1234565.',
          },
        },
        vessel_imo: {
          type: 'text',
          label: { en: 'Vessel IMO number', fr: 'Numéro OMI du navire', de: 'IMO-Nummer des Schiffs' },
          pattern: '^[0-9]{7}$',
          patternHint: {
            en: 'Seven digits, e.g. 9321483.',
            fr: 'Sept chiffres, p. ex. 9321483.',
            de: 'Sieben Ziffern, z. B. 9321483.',
          },
        },
      },
    },
    parties: {
      type: 'list',
      label: { en: 'Parties', fr: 'Parties', de: 'Beteiligte' },
      maxItems: 100,
      of: {
        type: 'object',
        label: { en: 'Party', fr: 'Partie', de: 'Beteiligter' },
        fields: {
          name: {
            type: 'text',
            label: { en: 'Name', fr: 'Nom', de: 'Name' },
            required: true,
            maxLength: 200,
          },
          party_type: {
            type: 'text',
            label: {
              en: 'Person or organisation',
              fr: 'Personne ou organisation',
              de: 'Person oder Organisation',
            },
            required: true,
            pattern: '^(person|organisation)$',
            patternHint: {
              en: 'person (a natural person) or organisation.',
              fr: 'person (une personne physique) ou organisation.',
              de: 'person (eine natürliche Person) oder organisation.',
            },
          },
          identifiers: {
            type: 'object',
            label: { en: 'Identifiers', fr: 'Identifiants', de: 'Kennungen' },
            fields: {
              eori: {
                type: 'text',
                label: { en: 'EORI number', fr: 'Numéro EORI', de: 'EORI-Nummer' },
                maxLength: 17,
                pattern: '^[A-Z]{2}[A-Za-z0-9]{1,15}$',
                patternHint: {
                  en: 'A country code and up to 15 letters or digits, e.g. NL123456789.',
                  fr: 'Un code pays et jusqu’à 15 lettres ou chiffres, p. ex. NL123456789.',
                  de: 'Ein Ländercode und bis zu 15 Buchstaben oder Ziffern, z. B. NL123456789.',
                },
              },
              other: {
                type: 'text',
                label: { en: 'Other identifier', fr: 'Autre identifiant', de: 'Andere Kennung' },
                maxLength: 200,
              },
            },
          },
        },
      },
    },
    indicators: {
      type: 'text',
      label: { en: 'Indicators', fr: 'Indicateurs', de: 'Indikatoren' },
      multiline: true,
      maxLength: 4000,
    },
    recommended_action: {
      type: 'text',
      label: {
        en: 'Recommended control action',
        fr: 'Action de contrôle recommandée',
        de: 'Empfohlene Kontrollmaßnahme',
      },
      required: true,
      multiline: true,
      maxLength: 2000,
    },
    valid_from: {
      type: 'date',
      label: { en: 'Valid from', fr: 'Valable du', de: 'Gültig ab' },
      required: true,
    },
    valid_to: {
      type: 'date',
      label: { en: 'Valid to', fr: "Valable jusqu'au", de: 'Gültig bis' },
      notBefore: 'valid_from',
    },
    urgency: {
      type: 'code',
      codeList: 'risk_information_urgency',
      label: { en: 'Urgency', fr: 'Urgence', de: 'Dringlichkeit' },
      required: true,
    },
    crms_reference: {
      type: 'text',
      label: {
        en: 'Reference in the operational system (e.g. CRMS)',
        fr: 'Référence dans le système opérationnel (p. ex. CRMS)',
        de: 'Referenz im operativen System (z. B. CRMS)',
      },
      maxLength: 60,
    },
  },
  example: (token) => ({
    title: `Undervalued e-bikes ${token}`,
    family: 'financial',
    modus_operandi: 'Invoices at a third of the market price.',
    goods: [{ cn_code: '87116010', description: 'Electric bicycles' }],
    route: { countries: ['CN', 'NL'], transport_mode: 'sea' },
    recommended_action: 'Documentary check of the invoice.',
    valid_from: '2030-01-01',
    urgency: 'medium',
  }),
  titleField: 'title',
  importKey: [],
  searchable: ['title', 'modus_operandi', 'concealment', 'indicators', 'recommended_action'],
  listColumns: ['title', 'family', 'urgency', 'valid_to'],
  filters: ['family', 'urgency'],
  // Risk information steers others' controls: written by risk analysts and the risk-management
  // network; organisation-only by default (the author names the administrations that must act).
  access: {
    distribution: 'organisation',
    tlp: 'amber',
    createdBy: { network: true, orgRoles: ['risk_analyst'] },
  },
  workflow: { fourEyes: false },
  views: [
    {
      type: 'list',
      label: { en: 'Risk information', fr: 'Informations sur les risques', de: 'Risikoinformationen' },
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    risk_information: true;
  }
}
