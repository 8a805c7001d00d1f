import { defineCodeList } from '../../../contract/code-list-definition.ts';

/**
 * IATI code lists the cooperation projects use, generated from the IATI Standard's code lists
 * (../shared/data/codelists/iati/: embedded lists of version 2.03 and the non-embedded lists; see
 * its README for the commits). Withdrawn codes are left out.
 *
 * Attribution: "IATI Standard (http://iatistandard.org/)" — Copyright © Development Initiatives, on
 * behalf of the IATI Secretariat. Released under the Creative Commons attribution license (CC BY 4.0).
 *
 * English and French labels are IATI's (English where IATI has no French). IATI has no German
 * labels: the German label is the English one, marked by `meta.deFallback: 'en'`.
 */

export const iatiActivityStatus = defineCodeList({
  name: 'iati_activity_status',
  label: { en: 'IATI activity status', fr: 'Statut de l’activité IATI', de: 'IATI activity status' },
  codes: [
    {
      code: '1',
      labels: { en: 'Pipeline/identification', fr: 'Planification', de: 'Pipeline/identification' },
      meta: { deFallback: 'en' },
    },
    {
      code: '2',
      labels: { en: 'Implementation', fr: 'Actif', de: 'Implementation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '3',
      labels: { en: 'Finalisation', fr: 'Finalisation', de: 'Finalisation' },
      meta: { deFallback: 'en' },
    },
    { code: '4', labels: { en: 'Closed', fr: 'Fermé', de: 'Closed' }, meta: { deFallback: 'en' } },
    { code: '5', labels: { en: 'Cancelled', fr: 'Annulé', de: 'Cancelled' }, meta: { deFallback: 'en' } },
    { code: '6', labels: { en: 'Suspended', fr: 'Suspendu', de: 'Suspended' }, meta: { deFallback: 'en' } },
  ],
});

export const iatiOrganisationRole = defineCodeList({
  name: 'iati_organisation_role',
  label: { en: 'IATI organisation role', fr: 'Rôle de l’organisation IATI', de: 'IATI organisation role' },
  codes: [
    { code: '1', labels: { en: 'Funding', fr: 'Financement', de: 'Funding' }, meta: { deFallback: 'en' } },
    {
      code: '2',
      labels: { en: 'Accountable', fr: 'Responsabilité', de: 'Accountable' },
      meta: { deFallback: 'en' },
    },
    { code: '3', labels: { en: 'Extending', fr: 'Octroi', de: 'Extending' }, meta: { deFallback: 'en' } },
    {
      code: '4',
      labels: { en: 'Implementing', fr: 'Mise en œuvre', de: 'Implementing' },
      meta: { deFallback: 'en' },
    },
  ],
});

export const iatiOrganisationType = defineCodeList({
  name: 'iati_organisation_type',
  label: { en: 'IATI organisation type', fr: 'Type d’organisation IATI', de: 'IATI organisation type' },
  codes: [
    {
      code: '10',
      labels: { en: 'Government', fr: 'Gouvernement', de: 'Government' },
      meta: { deFallback: 'en' },
    },
    {
      code: '11',
      labels: { en: 'Local Government', fr: 'Local Government', de: 'Local Government' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: '15',
      labels: { en: 'Other Public Sector', fr: 'Autre secteur public', de: 'Other Public Sector' },
      meta: { deFallback: 'en' },
    },
    {
      code: '21',
      labels: { en: 'International NGO', fr: 'ONG internationale', de: 'International NGO' },
      meta: { deFallback: 'en' },
    },
    {
      code: '22',
      labels: { en: 'National NGO', fr: 'ONG nationale', de: 'National NGO' },
      meta: { deFallback: 'en' },
    },
    {
      code: '23',
      labels: { en: 'Regional NGO', fr: 'ONG regionale', de: 'Regional NGO' },
      meta: { deFallback: 'en' },
    },
    {
      code: '24',
      labels: {
        en: 'Partner Country based NGO',
        fr: 'Partner Country based NGO',
        de: 'Partner Country based NGO',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: '30',
      labels: {
        en: 'Public Private Partnership',
        fr: 'Partenariat public-privé',
        de: 'Public Private Partnership',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '40',
      labels: { en: 'Multilateral', fr: 'Multilatéral', de: 'Multilateral' },
      meta: { deFallback: 'en' },
    },
    {
      code: '60',
      labels: { en: 'Foundation', fr: 'Fondation', de: 'Foundation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '70',
      labels: { en: 'Private Sector', fr: 'Secteur privé', de: 'Private Sector' },
      meta: { deFallback: 'en' },
    },
    {
      code: '71',
      labels: {
        en: 'Private Sector in Provider Country',
        fr: 'Private Sector in Provider Country',
        de: 'Private Sector in Provider Country',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: '72',
      labels: {
        en: 'Private Sector in Aid Recipient Country',
        fr: 'Private Sector in Aid Recipient Country',
        de: 'Private Sector in Aid Recipient Country',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: '73',
      labels: {
        en: 'Private Sector in Third Country',
        fr: 'Private Sector in Third Country',
        de: 'Private Sector in Third Country',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: '80',
      labels: {
        en: 'Academic, Training and Research',
        fr: 'Universitaire, formation et recherche',
        de: 'Academic, Training and Research',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '90',
      labels: { en: 'Other', fr: 'Other', de: 'Other' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
  ],
});

export const iatiSector = defineCodeList({
  name: 'iati_sector',
  label: {
    en: 'OECD-DAC sector (purpose code)',
    fr: 'Secteur CAD de l’OCDE (code objet)',
    de: 'OECD-DAC sector (purpose code)',
  },
  codes: [
    {
      code: '11110',
      labels: {
        en: 'Education policy and administrative management',
        fr: "Politique de l'éducation et gestion administrative",
        de: 'Education policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '11120',
      labels: {
        en: 'Education facilities and training',
        fr: 'Equipements scolaires et formation',
        de: 'Education facilities and training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '11130',
      labels: { en: 'Teacher training', fr: 'Formation des enseignants', de: 'Teacher training' },
      meta: { deFallback: 'en' },
    },
    {
      code: '11182',
      labels: { en: 'Educational research', fr: 'Recherche en éducation', de: 'Educational research' },
      meta: { deFallback: 'en' },
    },
    {
      code: '11220',
      labels: { en: 'Primary education', fr: 'Enseignement primaire', de: 'Primary education' },
      meta: { deFallback: 'en' },
    },
    {
      code: '11230',
      labels: {
        en: 'Basic life skills for adults',
        fr: 'Education pour une meilleure qualité de vie pour les adultes',
        de: 'Basic life skills for adults',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '11231',
      labels: {
        en: 'Basic life skills for youth',
        fr: 'Éducation pour une meilleure qualité de vie pour les jeunes',
        de: 'Basic life skills for youth',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '11232',
      labels: {
        en: 'Primary education equivalent for adults',
        fr: 'Education primaire des adultes',
        de: 'Primary education equivalent for adults',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '11240',
      labels: {
        en: 'Early childhood education',
        fr: 'Education de la petite enfance',
        de: 'Early childhood education',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '11250',
      labels: { en: 'School feeding', fr: "Alimentation à l'école", de: 'School feeding' },
      meta: { deFallback: 'en' },
    },
    {
      code: '11260',
      labels: {
        en: 'Lower secondary education',
        fr: "Premier cycle de l'enseignement secondaire",
        de: 'Lower secondary education',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '11320',
      labels: {
        en: 'Upper Secondary Education (modified and includes data from 11322)',
        fr: 'Enseignement secondaire supérieur (modifié et comprend les données de 11322)',
        de: 'Upper Secondary Education (modified and includes data from 11322)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '11330',
      labels: { en: 'Vocational training', fr: 'Formation professionnelle', de: 'Vocational training' },
      meta: { deFallback: 'en' },
    },
    {
      code: '11420',
      labels: { en: 'Higher education', fr: 'Enseignement supérieur', de: 'Higher education' },
      meta: { deFallback: 'en' },
    },
    {
      code: '11430',
      labels: {
        en: 'Advanced technical and managerial training',
        fr: 'Formation technique supérieure de gestion',
        de: 'Advanced technical and managerial training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12110',
      labels: {
        en: 'Health policy and administrative management',
        fr: 'Politique de la santé et gestion administrative',
        de: 'Health policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12181',
      labels: {
        en: 'Medical education/training',
        fr: 'Education et formation médicales',
        de: 'Medical education/training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12182',
      labels: { en: 'Medical research', fr: 'Recherche médicale', de: 'Medical research' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12191',
      labels: { en: 'Medical services', fr: 'Services médicaux', de: 'Medical services' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12196',
      labels: {
        en: 'Health statistics and data',
        fr: 'Statistiques et données sur la santé',
        de: 'Health statistics and data',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12220',
      labels: { en: 'Basic health care', fr: 'Soins et services de santé de base', de: 'Basic health care' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12230',
      labels: {
        en: 'Basic health infrastructure',
        fr: 'Infrastructure pour la santé de base',
        de: 'Basic health infrastructure',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12240',
      labels: { en: 'Basic nutrition', fr: 'Nutrition de base', de: 'Basic nutrition' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12250',
      labels: {
        en: 'Infectious disease control',
        fr: 'Lutte contre les maladies infectieuses',
        de: 'Infectious disease control',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12261',
      labels: { en: 'Health education', fr: 'Education sanitaire', de: 'Health education' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12262',
      labels: { en: 'Malaria control', fr: 'Lutte contre le paludisme', de: 'Malaria control' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12263',
      labels: { en: 'Tuberculosis control', fr: 'Lutte contre la tuberculose', de: 'Tuberculosis control' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12264',
      labels: { en: 'COVID-19 control', fr: 'Lutte contre la COVID-19', de: 'COVID-19 control' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12281',
      labels: {
        en: 'Health personnel development',
        fr: 'Formation de personnel de santé',
        de: 'Health personnel development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12310',
      labels: {
        en: 'NCDs control, general',
        fr: 'Lutte contre les MNT, général',
        de: 'NCDs control, general',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12320',
      labels: { en: 'Tobacco use control', fr: "Lutte contre l'usage du tabac", de: 'Tobacco use control' },
      meta: { deFallback: 'en' },
    },
    {
      code: '12330',
      labels: {
        en: 'Control of harmful use of alcohol and drugs',
        fr: "Lutte contre l'usage nocif de l'alcool et des drogues",
        de: 'Control of harmful use of alcohol and drugs',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12340',
      labels: {
        en: 'Promotion of mental health and well-being',
        fr: 'Promotion de la santé mentale et du bien-être',
        de: 'Promotion of mental health and well-being',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12350',
      labels: {
        en: 'Other prevention and treatment of NCDs',
        fr: 'Autre prévention et traitement des MNT',
        de: 'Other prevention and treatment of NCDs',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '12382',
      labels: {
        en: 'Research for prevention and control of NCDs',
        fr: 'Recherche pour la prévention et le contrôle des MNT',
        de: 'Research for prevention and control of NCDs',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '13010',
      labels: {
        en: 'Population policy and administrative management',
        fr: 'Politique/programmes en matière de population et gestion administrative',
        de: 'Population policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '13020',
      labels: {
        en: 'Reproductive health care',
        fr: 'Soins en matière de fertilité',
        de: 'Reproductive health care',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '13030',
      labels: { en: 'Family planning', fr: 'Planification familiale', de: 'Family planning' },
      meta: { deFallback: 'en' },
    },
    {
      code: '13040',
      labels: {
        en: 'STD control including HIV/AIDS',
        fr: 'Lutte contre les MST et VIH/sida',
        de: 'STD control including HIV/AIDS',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '13081',
      labels: {
        en: 'Personnel development for population and reproductive health',
        fr: 'Formation de personnel en matière de population et de santé et fertilité',
        de: 'Personnel development for population and reproductive health',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '13096',
      labels: {
        en: 'Population statistics and data',
        fr: 'Statistiques et données démographiques',
        de: 'Population statistics and data',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14010',
      labels: {
        en: 'Water sector policy and administrative management',
        fr: "Politique et gestion administrative du secteur de l'eau",
        de: 'Water sector policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14015',
      labels: {
        en: 'Water resources conservation (including data collection)',
        fr: 'Préservation des ressources en eau (y compris collecte de données)',
        de: 'Water resources conservation (including data collection)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14020',
      labels: {
        en: 'Water supply and sanitation - large systems',
        fr: 'Approvisionnement en eau et assainissement - systèmes à grande échelle',
        de: 'Water supply and sanitation - large systems',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14021',
      labels: {
        en: 'Water supply - large systems',
        fr: 'Approvisionnement en eau – systèmes à grande échelle',
        de: 'Water supply - large systems',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14022',
      labels: {
        en: 'Sanitation - large systems',
        fr: 'Assainissement - systèmes à grande échelle',
        de: 'Sanitation - large systems',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14030',
      labels: {
        en: 'Basic drinking water supply and basic sanitation',
        fr: 'Approvisionnement en eau potable et assainissement - dispositifs de base',
        de: 'Basic drinking water supply and basic sanitation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14031',
      labels: {
        en: 'Basic drinking water supply',
        fr: 'Approvisionnement en eau potable – dispositifs de base',
        de: 'Basic drinking water supply',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14032',
      labels: { en: 'Basic sanitation', fr: 'Assainissement - dispositifs de base', de: 'Basic sanitation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '14040',
      labels: {
        en: 'River basins development',
        fr: 'Aménagement de bassins fluviaux',
        de: 'River basins development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14050',
      labels: {
        en: 'Waste management/disposal',
        fr: 'Traitement des déchets',
        de: 'Waste management/disposal',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '14081',
      labels: {
        en: 'Education and training in water supply and sanitation',
        fr: "Education et formation dans la distribution d'eau et d'assainissement",
        de: 'Education and training in water supply and sanitation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15110',
      labels: {
        en: 'Public sector policy and administrative management',
        fr: 'Politiques publiques et gestion administrative',
        de: 'Public sector policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15111',
      labels: {
        en: 'Public finance management (PFM)',
        fr: 'Gestion des finances publiques',
        de: 'Public finance management (PFM)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15112',
      labels: {
        en: 'Decentralisation and support to subnational government',
        fr: 'Décentralisation et soutien aux administrations infranationales',
        de: 'Decentralisation and support to subnational government',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15113',
      labels: {
        en: 'Anti-corruption organisations and institutions',
        fr: 'Organisations et institutions pour la lutte contre la corruption',
        de: 'Anti-corruption organisations and institutions',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15114',
      labels: {
        en: 'Domestic revenue mobilisation',
        fr: 'Mobilisation des ressources intérieures',
        de: 'Domestic revenue mobilisation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15116',
      labels: { en: 'Tax collection', fr: "Recouvrement de l'impôt", de: 'Tax collection' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15117',
      labels: { en: 'Budget planning', fr: 'Planification budgétaire', de: 'Budget planning' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15118',
      labels: { en: 'National audit', fr: 'Contrôle interne national', de: 'National audit' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15119',
      labels: {
        en: 'Debt and aid management',
        fr: "Gestion de l'aide et de la dette publique",
        de: 'Debt and aid management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15121',
      labels: { en: 'Foreign affairs', fr: 'Affaires étrangères', de: 'Foreign affairs' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15122',
      labels: { en: 'Diplomatic missions', fr: 'Missions diplomatiques', de: 'Diplomatic missions' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15123',
      labels: {
        en: "Administration of developing countries' foreign aid",
        fr: "Gestion de l'aide étrangère des pays en développement",
        de: "Administration of developing countries' foreign aid",
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15124',
      labels: {
        en: 'General personnel services',
        fr: 'Services généraux de personnel',
        de: 'General personnel services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15125',
      labels: { en: 'Public Procurement', fr: 'Marchés publics', de: 'Public Procurement' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15126',
      labels: {
        en: 'Other general public services',
        fr: 'Autres services généraux',
        de: 'Other general public services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15127',
      labels: {
        en: 'National monitoring and evaluation',
        fr: 'Suivi et evaluation au niveau national',
        de: 'National monitoring and evaluation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15128',
      labels: {
        en: 'Local government finance',
        fr: 'Financement des gouvernements locaux',
        de: 'Local government finance',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15129',
      labels: {
        en: 'Other central transfers to institutions',
        fr: 'Autres transferts du centre à des institutions',
        de: 'Other central transfers to institutions',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15130',
      labels: {
        en: 'Legal and judicial development',
        fr: 'Développement des services légaux et judiciaires',
        de: 'Legal and judicial development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15131',
      labels: {
        en: 'Justice, law and order policy, planning and administration',
        fr: "Développement et administration des politiques de justice et de maintien de l'ordre",
        de: 'Justice, law and order policy, planning and administration',
      },
      meta: { deFallback: 'en' },
    },
    { code: '15132', labels: { en: 'Police', fr: 'Police', de: 'Police' }, meta: { deFallback: 'en' } },
    {
      code: '15133',
      labels: {
        en: 'Fire and rescue services',
        fr: 'Incendies et services de sauvetage',
        de: 'Fire and rescue services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15134',
      labels: { en: 'Judicial affairs', fr: 'Système judiciaire', de: 'Judicial affairs' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15135',
      labels: { en: 'Ombudsman', fr: 'Ombudsman', de: 'Ombudsman' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15136',
      labels: { en: 'Immigration', fr: 'Immigration', de: 'Immigration' },
      meta: { deFallback: 'en' },
    },
    { code: '15137', labels: { en: 'Prisons', fr: 'Prisons', de: 'Prisons' }, meta: { deFallback: 'en' } },
    {
      code: '15142',
      labels: { en: 'Macroeconomic policy', fr: 'Politique macroéconomique', de: 'Macroeconomic policy' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15143',
      labels: {
        en: 'Meteorological services',
        fr: 'Services météorologiques',
        de: 'Meteorological services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15144',
      labels: {
        en: 'National standards development',
        fr: 'Élaboration des normes nationales',
        de: 'National standards development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15150',
      labels: {
        en: 'Democratic participation and civil society',
        fr: 'Participation démocratique et société civile',
        de: 'Democratic participation and civil society',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15151',
      labels: { en: 'Elections', fr: 'Élections', de: 'Elections' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15152',
      labels: {
        en: 'Legislatures and political parties',
        fr: 'Assemblées législatives et partis politiques',
        de: 'Legislatures and political parties',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15153',
      labels: {
        en: 'Media and free flow of information',
        fr: "Médias et liberté de l'information",
        de: 'Media and free flow of information',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15154',
      labels: { en: 'Executive office', fr: 'Exécutif', de: 'Executive office' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15155',
      labels: {
        en: 'Tax policy and administration support',
        fr: 'Politique et administration fiscales',
        de: 'Tax policy and administration support',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15156',
      labels: {
        en: 'Other non-tax revenue mobilisation',
        fr: 'Mobilisation des ressources intérieures autre que les recettes non-fiscales',
        de: 'Other non-tax revenue mobilisation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15160',
      labels: { en: 'Human rights', fr: 'Droits de la personne', de: 'Human rights' },
      meta: { deFallback: 'en' },
    },
    {
      code: '15170',
      labels: {
        en: "Women's rights organisations and movements, and government institutions",
        fr: 'Organisations et mouvements de défense des droits des femmes et institutions gouvernementales',
        de: "Women's rights organisations and movements, and government institutions",
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15180',
      labels: {
        en: 'Ending violence against women and girls',
        fr: "Élimination de la violence à l'égard des femmes et des filles",
        de: 'Ending violence against women and girls',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15185',
      labels: {
        en: 'Local government administration',
        fr: 'Administration publique locale',
        de: 'Local government administration',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15190',
      labels: {
        en: 'Facilitation of orderly, safe, regular and responsible migration and mobility',
        fr: 'Faciliter la migration et la mobilité de façon ordonnée, sans danger, régulière et responsable',
        de: 'Facilitation of orderly, safe, regular and responsible migration and mobility',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15196',
      labels: {
        en: 'Government and civil society statistics and data',
        fr: 'Statistiques et données du gouvernement et de la société civile',
        de: 'Government and civil society statistics and data',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15210',
      labels: {
        en: 'Security system management and reform',
        fr: 'Gestion et réforme des systèmes de sécurité',
        de: 'Security system management and reform',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15220',
      labels: {
        en: 'Civilian peace-building, conflict prevention and resolution',
        fr: 'Dispositifs civils de construction de la paix, et de prévention et de règlement des conflits',
        de: 'Civilian peace-building, conflict prevention and resolution',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15230',
      labels: {
        en: 'Participation in international peacekeeping operations',
        fr: 'Participation à des opérations internationales de maintien de la paix',
        de: 'Participation in international peacekeeping operations',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15240',
      labels: {
        en: 'Reintegration and SALW control',
        fr: 'Réintégration et contrôle des armes légères et de petit calibre',
        de: 'Reintegration and SALW control',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15250',
      labels: {
        en: 'Removal of land mines and explosive remnants of war',
        fr: 'Enlèvement des mines terrestres et restes explosifs de guerre',
        de: 'Removal of land mines and explosive remnants of war',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '15261',
      labels: {
        en: 'Child soldiers (prevention and demobilisation)',
        fr: 'Enfants soldats (Prévention et démobilisation)',
        de: 'Child soldiers (prevention and demobilisation)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16010',
      labels: { en: 'Social Protection', fr: 'Protection sociale', de: 'Social Protection' },
      meta: { deFallback: 'en' },
    },
    {
      code: '16011',
      labels: {
        en: 'Social protection and welfare services policy, planning and administration',
        fr: 'Politiques, planification et administration des services de protection sociale',
        de: 'Social protection and welfare services policy, planning and administration',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16012',
      labels: {
        en: 'Social security (excl pensions)',
        fr: 'Protection sociale (excluant retraites)',
        de: 'Social security (excl pensions)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16013',
      labels: { en: 'General pensions', fr: 'Retraites', de: 'General pensions' },
      meta: { deFallback: 'en' },
    },
    {
      code: '16014',
      labels: {
        en: 'Civil service pensions',
        fr: 'Régimes de retraite des fonctionnaires',
        de: 'Civil service pensions',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16015',
      labels: {
        en: 'Social services (incl youth development and women+ children)',
        fr: 'Services sociaux (y compris jeunes, femmes et enfants)',
        de: 'Social services (incl youth development and women+ children)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16020',
      labels: { en: 'Employment creation', fr: "Création d'emplois", de: 'Employment creation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '16030',
      labels: {
        en: 'Housing policy and administrative management',
        fr: 'Politique du logement et gestion administrative',
        de: 'Housing policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16040',
      labels: { en: 'Low-cost housing', fr: 'Logement à coût réduit', de: 'Low-cost housing' },
      meta: { deFallback: 'en' },
    },
    {
      code: '16050',
      labels: {
        en: 'Multisector aid for basic social services',
        fr: 'Aide plurisectorielle pour les services sociaux de base',
        de: 'Multisector aid for basic social services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16061',
      labels: { en: 'Culture and recreation', fr: 'Culture et loisirs', de: 'Culture and recreation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '16062',
      labels: {
        en: 'Statistical capacity building',
        fr: 'Renforcement des capacités statistiques',
        de: 'Statistical capacity building',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16063',
      labels: { en: 'Narcotics control', fr: 'Lutte contre le trafic de drogues', de: 'Narcotics control' },
      meta: { deFallback: 'en' },
    },
    {
      code: '16064',
      labels: {
        en: 'Social mitigation of HIV/AIDS',
        fr: "Atténuation de l'impact social du VIH/sida",
        de: 'Social mitigation of HIV/AIDS',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '16065',
      labels: { en: 'Recreation and sport', fr: 'Récréation et sport', de: 'Recreation and sport' },
      meta: { deFallback: 'en' },
    },
    { code: '16066', labels: { en: 'Culture', fr: 'Culture', de: 'Culture' }, meta: { deFallback: 'en' } },
    {
      code: '16070',
      labels: { en: 'Labour rights', fr: 'Droits du travail', de: 'Labour rights' },
      meta: { deFallback: 'en' },
    },
    {
      code: '16080',
      labels: { en: 'Social dialogue', fr: 'Dialogue social', de: 'Social dialogue' },
      meta: { deFallback: 'en' },
    },
    {
      code: '21010',
      labels: {
        en: 'Transport policy and administrative management',
        fr: 'Politique des transports et gestion administrative',
        de: 'Transport policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '21011',
      labels: {
        en: 'Transport policy, planning and administration',
        fr: 'Politiques, planification et administration des transports',
        de: 'Transport policy, planning and administration',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '21012',
      labels: {
        en: 'Public transport services',
        fr: 'Transports en commun',
        de: 'Public transport services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '21013',
      labels: { en: 'Transport regulation', fr: 'Réglementation des transports', de: 'Transport regulation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '21020',
      labels: { en: 'Road transport', fr: 'Transport routier', de: 'Road transport' },
      meta: { deFallback: 'en' },
    },
    {
      code: '21021',
      labels: {
        en: 'Feeder road construction',
        fr: 'Construction des voies de desserte',
        de: 'Feeder road construction',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '21022',
      labels: {
        en: 'Feeder road maintenance',
        fr: 'Entretien des voies de desserte',
        de: 'Feeder road maintenance',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '21023',
      labels: {
        en: 'National road construction',
        fr: 'Construction des routes nationales',
        de: 'National road construction',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '21024',
      labels: {
        en: 'National road maintenance',
        fr: 'Entretien des routes nationales',
        de: 'National road maintenance',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '21030',
      labels: { en: 'Rail transport', fr: 'Transport ferroviaire', de: 'Rail transport' },
      meta: { deFallback: 'en' },
    },
    {
      code: '21040',
      labels: { en: 'Water transport', fr: "Transport par voies d'eau", de: 'Water transport' },
      meta: { deFallback: 'en' },
    },
    {
      code: '21050',
      labels: { en: 'Air transport', fr: 'Transport aérien', de: 'Air transport' },
      meta: { deFallback: 'en' },
    },
    { code: '21061', labels: { en: 'Storage', fr: 'Stockage', de: 'Storage' }, meta: { deFallback: 'en' } },
    {
      code: '21081',
      labels: {
        en: 'Education and training in transport and storage',
        fr: 'Education/formation dans les transports et le stockage',
        de: 'Education and training in transport and storage',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '22010',
      labels: {
        en: 'Communications policy and administrative management',
        fr: 'Politique des communications et gestion administrative',
        de: 'Communications policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '22011',
      labels: {
        en: 'Communications policy, planning and administration',
        fr: 'Politiques, planification et administration des communications',
        de: 'Communications policy, planning and administration',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '22012',
      labels: { en: 'Postal services', fr: 'Services postaux', de: 'Postal services' },
      meta: { deFallback: 'en' },
    },
    {
      code: '22013',
      labels: { en: 'Information services', fr: "Services d'information", de: 'Information services' },
      meta: { deFallback: 'en' },
    },
    {
      code: '22020',
      labels: { en: 'Telecommunications', fr: 'Télécommunications', de: 'Telecommunications' },
      meta: { deFallback: 'en' },
    },
    {
      code: '22030',
      labels: {
        en: 'Radio/television/print media',
        fr: 'Radio, télévision, presse écrite',
        de: 'Radio/television/print media',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '22040',
      labels: {
        en: 'Information and communication technology (ICT)',
        fr: "Technologies de l'information et de la communication (TIC)",
        de: 'Information and communication technology (ICT)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23110',
      labels: {
        en: 'Energy policy and administrative management',
        fr: 'Politique énergétique et gestion administrative',
        de: 'Energy policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23111',
      labels: {
        en: 'Energy sector policy, planning and administration',
        fr: "Politiques, planification et administration du secteur de l'énergie",
        de: 'Energy sector policy, planning and administration',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23112',
      labels: { en: 'Energy regulation', fr: "Réglementation de l'énergie", de: 'Energy regulation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '23181',
      labels: {
        en: 'Energy education/training',
        fr: "Éducation et formation dans le domaine de l'énergie",
        de: 'Energy education/training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23182',
      labels: { en: 'Energy research', fr: "Recherche dans le domaine de l'énergie", de: 'Energy research' },
      meta: { deFallback: 'en' },
    },
    {
      code: '23183',
      labels: {
        en: 'Energy conservation and demand-side efficiency',
        fr: "Économies d'énergie et efficacité du côté de la demande",
        de: 'Energy conservation and demand-side efficiency',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23210',
      labels: {
        en: 'Energy generation, renewable sources - multiple technologies',
        fr: "Production d'énergie, sources renouvelables - multiples technologies",
        de: 'Energy generation, renewable sources - multiple technologies',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23220',
      labels: {
        en: 'Hydro-electric power plants',
        fr: 'Centrales hydrauliques',
        de: 'Hydro-electric power plants',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23230',
      labels: {
        en: 'Solar energy for centralised grids',
        fr: 'Energie solaire pour réseaux centralisés',
        de: 'Solar energy for centralised grids',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23231',
      labels: {
        en: 'Solar energy for isolated grids and standalone systems',
        fr: 'Energie solaire pour réseaux isolés et systèmes autonomes',
        de: 'Solar energy for isolated grids and standalone systems',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23232',
      labels: {
        en: 'Solar energy - thermal applications',
        fr: 'Energie solaire - usage thermique',
        de: 'Solar energy - thermal applications',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23240',
      labels: { en: 'Wind energy', fr: 'Énergie éolienne', de: 'Wind energy' },
      meta: { deFallback: 'en' },
    },
    {
      code: '23250',
      labels: { en: 'Marine energy', fr: 'Énergie marine', de: 'Marine energy' },
      meta: { deFallback: 'en' },
    },
    {
      code: '23260',
      labels: { en: 'Geothermal energy', fr: 'Énergie géothermique', de: 'Geothermal energy' },
      meta: { deFallback: 'en' },
    },
    {
      code: '23270',
      labels: {
        en: 'Biofuel-fired power plants',
        fr: 'Centrales à biocombustibles',
        de: 'Biofuel-fired power plants',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23310',
      labels: {
        en: 'Energy generation, non-renewable sources, unspecified',
        fr: "Production d'énergie, sources non renouvelables - non spécifié",
        de: 'Energy generation, non-renewable sources, unspecified',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23320',
      labels: {
        en: 'Coal-fired electric power plants',
        fr: 'Centrales au charbon',
        de: 'Coal-fired electric power plants',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23330',
      labels: {
        en: 'Oil-fired electric power plants',
        fr: 'Centrales au fioul',
        de: 'Oil-fired electric power plants',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23340',
      labels: {
        en: 'Natural gas-fired electric power plants',
        fr: 'Centrales au gaz naturel',
        de: 'Natural gas-fired electric power plants',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23350',
      labels: {
        en: 'Fossil fuel electric power plants with carbon capture and storage (CCS)',
        fr: 'Centrales thermiques classiques avec captage et stockage du carbone (CSC)',
        de: 'Fossil fuel electric power plants with carbon capture and storage (CCS)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23360',
      labels: {
        en: 'Non-renewable waste-fired electric power plants',
        fr: "Production d'électricité, déchets non renouvelables",
        de: 'Non-renewable waste-fired electric power plants',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23410',
      labels: {
        en: 'Hybrid energy electric power plants',
        fr: 'Centrales hybrides',
        de: 'Hybrid energy electric power plants',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23510',
      labels: {
        en: 'Nuclear energy electric power plants and nuclear safety',
        fr: 'Centrales nucléaires et sûreté nucléaire',
        de: 'Nuclear energy electric power plants and nuclear safety',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23610',
      labels: { en: 'Heat plants', fr: 'Production de chaleur seule', de: 'Heat plants' },
      meta: { deFallback: 'en' },
    },
    {
      code: '23620',
      labels: {
        en: 'District heating and cooling',
        fr: 'Réseaux urbains de chaleur et de froid',
        de: 'District heating and cooling',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23630',
      labels: {
        en: 'Electric power transmission and distribution (centralised grids)',
        fr: "Transport et distribution d'électricité (réseaux centralisés)",
        de: 'Electric power transmission and distribution (centralised grids)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23631',
      labels: {
        en: 'Electric power transmission and distribution (isolated mini-grids)',
        fr: "Transport et distribution d'électricité (petits réseaux isolés)",
        de: 'Electric power transmission and distribution (isolated mini-grids)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23640',
      labels: {
        en: 'Retail gas distribution',
        fr: 'Distribution au détail de gaz',
        de: 'Retail gas distribution',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23641',
      labels: {
        en: 'Retail distribution of liquid or solid fossil fuels',
        fr: 'Distribution au détail de carburants fossiles liquide ou solides',
        de: 'Retail distribution of liquid or solid fossil fuels',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '23642',
      labels: {
        en: 'Electric mobility infrastructures',
        fr: "Infrastructures électriques à l'usage de la mobilité",
        de: 'Electric mobility infrastructures',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '24010',
      labels: {
        en: 'Financial policy and administrative management',
        fr: 'Politique des finances et gestion administrative',
        de: 'Financial policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '24020',
      labels: { en: 'Monetary institutions', fr: 'Institutions monétaires', de: 'Monetary institutions' },
      meta: { deFallback: 'en' },
    },
    {
      code: '24030',
      labels: {
        en: 'Formal sector financial intermediaries',
        fr: 'Intermédiaires financiers officiels',
        de: 'Formal sector financial intermediaries',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '24040',
      labels: {
        en: 'Informal/semi-formal financial intermediaries',
        fr: 'Intermédiaires financiers du secteur informel et semi formel',
        de: 'Informal/semi-formal financial intermediaries',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '24050',
      labels: {
        en: 'Remittance facilitation, promotion and optimisation',
        fr: 'Facilitation, promotion et optimisation des transferts de fonds des migrants',
        de: 'Remittance facilitation, promotion and optimisation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '24081',
      labels: {
        en: 'Education/training in banking and financial services',
        fr: 'Education/formation bancaire et dans les services financiers',
        de: 'Education/training in banking and financial services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '25010',
      labels: {
        en: 'Business policy and administration',
        fr: 'Politique commerciale et administration',
        de: 'Business policy and administration',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '25020',
      labels: { en: 'Privatisation', fr: 'Privatisation', de: 'Privatisation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '25030',
      labels: {
        en: 'Business development services',
        fr: 'Business development services',
        de: 'Business development services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '25040',
      labels: {
        en: 'Responsible business conduct',
        fr: 'Code de conduite responsable',
        de: 'Responsible business conduct',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31110',
      labels: {
        en: 'Agricultural policy and administrative management',
        fr: 'Politique agricole et gestion administrative',
        de: 'Agricultural policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31120',
      labels: {
        en: 'Agricultural development',
        fr: 'Développement agricole',
        de: 'Agricultural development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31130',
      labels: {
        en: 'Agricultural land resources',
        fr: 'Ressources en terres cultivables',
        de: 'Agricultural land resources',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31140',
      labels: {
        en: 'Agricultural water resources',
        fr: 'Ressources en eau à usage agricole',
        de: 'Agricultural water resources',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31150',
      labels: { en: 'Agricultural inputs', fr: 'Produits à usage agricole', de: 'Agricultural inputs' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31161',
      labels: { en: 'Food crop production', fr: 'Production agricole', de: 'Food crop production' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31162',
      labels: {
        en: 'Industrial crops/export crops',
        fr: "Production industrielle de récoltes/récoltes destinées à l'exportation",
        de: 'Industrial crops/export crops',
      },
      meta: { deFallback: 'en' },
    },
    { code: '31163', labels: { en: 'Livestock', fr: 'Bétail', de: 'Livestock' }, meta: { deFallback: 'en' } },
    {
      code: '31164',
      labels: { en: 'Agrarian reform', fr: 'Réforme agraire', de: 'Agrarian reform' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31165',
      labels: {
        en: 'Agricultural alternative development',
        fr: 'Développement agricole alternatif',
        de: 'Agricultural alternative development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31166',
      labels: { en: 'Agricultural extension', fr: 'Vulgarisation agricole', de: 'Agricultural extension' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31181',
      labels: {
        en: 'Agricultural education/training',
        fr: 'Education et formation dans le domaine agricole',
        de: 'Agricultural education/training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31182',
      labels: { en: 'Agricultural research', fr: 'Recherche agronomique', de: 'Agricultural research' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31191',
      labels: { en: 'Agricultural services', fr: 'Services agricoles', de: 'Agricultural services' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31192',
      labels: {
        en: 'Plant and post-harvest protection and pest control',
        fr: 'Protection des plantes et des récoltes, lutte antiacridienne',
        de: 'Plant and post-harvest protection and pest control',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31193',
      labels: {
        en: 'Agricultural financial services',
        fr: 'Services financiers agricoles',
        de: 'Agricultural financial services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31194',
      labels: {
        en: 'Agricultural co-operatives',
        fr: 'Coopératives agricoles',
        de: 'Agricultural co-operatives',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31195',
      labels: {
        en: 'Livestock/veterinary services',
        fr: 'Services vétérinaires (bétail)',
        de: 'Livestock/veterinary services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31210',
      labels: {
        en: 'Forestry policy and administrative management',
        fr: 'Politique de la sylviculture et gestion administrative',
        de: 'Forestry policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31220',
      labels: { en: 'Forestry development', fr: 'Développement sylvicole', de: 'Forestry development' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31261',
      labels: {
        en: 'Fuelwood/charcoal',
        fr: 'Reboisement (bois de chauffage et charbon de bois)',
        de: 'Fuelwood/charcoal',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31281',
      labels: {
        en: 'Forestry education/training',
        fr: 'Education et formation en sylviculture',
        de: 'Forestry education/training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31282',
      labels: { en: 'Forestry research', fr: 'Recherche en sylviculture', de: 'Forestry research' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31291',
      labels: { en: 'Forestry services', fr: 'Services sylvicoles', de: 'Forestry services' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31310',
      labels: {
        en: 'Fishing policy and administrative management',
        fr: 'Politique de la pêche et gestion administrative',
        de: 'Fishing policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31320',
      labels: { en: 'Fishery development', fr: 'Développement de la pêche', de: 'Fishery development' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31381',
      labels: {
        en: 'Fishery education/training',
        fr: 'Education et formation dans le domaine de la pêche',
        de: 'Fishery education/training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '31382',
      labels: { en: 'Fishery research', fr: 'Recherche dans le domaine de la pêche', de: 'Fishery research' },
      meta: { deFallback: 'en' },
    },
    {
      code: '31391',
      labels: { en: 'Fishery services', fr: 'Services dans le domaine de la pêche', de: 'Fishery services' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32110',
      labels: {
        en: 'Industrial policy and administrative management',
        fr: "Politique de l'industrie et gestion administrative",
        de: 'Industrial policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32120',
      labels: { en: 'Industrial development', fr: 'Développement industriel', de: 'Industrial development' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32130',
      labels: {
        en: 'Small and medium-sized enterprises (SME) development',
        fr: 'Développement des Petites et moyennes entreprises (PME)',
        de: 'Small and medium-sized enterprises (SME) development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32140',
      labels: {
        en: 'Cottage industries and handicraft',
        fr: 'Artisanat',
        de: 'Cottage industries and handicraft',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32161',
      labels: { en: 'Agro-industries', fr: 'Agro-industries', de: 'Agro-industries' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32162',
      labels: { en: 'Forest industries', fr: 'Industries forestières', de: 'Forest industries' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32163',
      labels: {
        en: 'Textiles, leather and substitutes',
        fr: 'Industrie textile, cuirs et produits similaires',
        de: 'Textiles, leather and substitutes',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32164',
      labels: { en: 'Chemicals', fr: 'Produits chimiques', de: 'Chemicals' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32165',
      labels: { en: 'Fertilizer plants', fr: "Production d'engrais chimiques", de: 'Fertilizer plants' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32166',
      labels: { en: 'Cement/lime/plaster', fr: 'Ciment, chaux et plâtre', de: 'Cement/lime/plaster' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32167',
      labels: {
        en: 'Energy manufacturing (fossil fuels)',
        fr: "Fabrication d'énergie (combustibles fossiles)",
        de: 'Energy manufacturing (fossil fuels)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32168',
      labels: {
        en: 'Pharmaceutical production',
        fr: 'Produits pharmaceutiques',
        de: 'Pharmaceutical production',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32169',
      labels: {
        en: 'Basic metal industries',
        fr: 'Industrie métallurgique de base',
        de: 'Basic metal industries',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32170',
      labels: {
        en: 'Non-ferrous metal industries',
        fr: 'Industries des métaux non ferreux',
        de: 'Non-ferrous metal industries',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32171',
      labels: { en: 'Engineering', fr: 'Construction mécanique et électrique', de: 'Engineering' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32172',
      labels: {
        en: 'Transport equipment industry',
        fr: 'Matériel de transport',
        de: 'Transport equipment industry',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32173',
      labels: {
        en: 'Modern biofuels manufacturing',
        fr: 'Production de biocarburants modernes',
        de: 'Modern biofuels manufacturing',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32174',
      labels: {
        en: 'Clean cooking appliances manufacturing',
        fr: "Production d'appareils de cuisine propres",
        de: 'Clean cooking appliances manufacturing',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32182',
      labels: {
        en: 'Technological research and development',
        fr: 'Recherche et développement technologiques',
        de: 'Technological research and development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32210',
      labels: {
        en: 'Mineral/mining policy and administrative management',
        fr: "Politique de l'industrie extractive et gestion administrative",
        de: 'Mineral/mining policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32220',
      labels: {
        en: 'Mineral prospection and exploration',
        fr: 'Prospection et exploration des minerais',
        de: 'Mineral prospection and exploration',
      },
      meta: { deFallback: 'en' },
    },
    { code: '32261', labels: { en: 'Coal', fr: 'Charbon', de: 'Coal' }, meta: { deFallback: 'en' } },
    {
      code: '32262',
      labels: { en: 'Oil and gas (upstream)', fr: 'Pétrole et gaz (en amont)', de: 'Oil and gas (upstream)' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32263',
      labels: { en: 'Ferrous metals', fr: 'Métaux ferreux', de: 'Ferrous metals' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32264',
      labels: { en: 'Nonferrous metals', fr: 'Métaux non ferreux', de: 'Nonferrous metals' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32265',
      labels: {
        en: 'Precious metals/materials',
        fr: 'Métaux et minerais précieux',
        de: 'Precious metals/materials',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '32266',
      labels: { en: 'Industrial minerals', fr: 'Minerais industriels', de: 'Industrial minerals' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32267',
      labels: { en: 'Fertilizer minerals', fr: 'Engrais minéraux', de: 'Fertilizer minerals' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32268',
      labels: { en: 'Offshore minerals', fr: 'Ressources des fonds marins', de: 'Offshore minerals' },
      meta: { deFallback: 'en' },
    },
    {
      code: '32310',
      labels: {
        en: 'Construction policy and administrative management',
        fr: 'Politique de la construction et gestion administrative',
        de: 'Construction policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '33110',
      labels: {
        en: 'Trade policy and administrative management',
        fr: 'Politique commerciale et gestion administrative',
        de: 'Trade policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '33120',
      labels: { en: 'Trade facilitation', fr: 'Facilitation du commerce', de: 'Trade facilitation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '33130',
      labels: {
        en: 'Regional trade agreements (RTAs)',
        fr: 'Accords commerciaux régionaux',
        de: 'Regional trade agreements (RTAs)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '33140',
      labels: {
        en: 'Multilateral trade negotiations',
        fr: 'Négociations commerciales multilatérales',
        de: 'Multilateral trade negotiations',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '33150',
      labels: {
        en: 'Trade-related adjustment',
        fr: 'Ajustement lié au commerce',
        de: 'Trade-related adjustment',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '33181',
      labels: {
        en: 'Trade education/training',
        fr: 'Education/formation dans le domaine du commerce',
        de: 'Trade education/training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '33210',
      labels: {
        en: 'Tourism policy and administrative management',
        fr: 'Politique du tourisme et gestion administrative',
        de: 'Tourism policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '41010',
      labels: {
        en: 'Environmental policy and administrative management',
        fr: "Politique de l'environnement et gestion administrative",
        de: 'Environmental policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '41020',
      labels: { en: 'Biosphere protection', fr: 'Protection de la biosphère', de: 'Biosphere protection' },
      meta: { deFallback: 'en' },
    },
    {
      code: '41030',
      labels: { en: 'Biodiversity', fr: 'Diversité biologique', de: 'Biodiversity' },
      meta: { deFallback: 'en' },
    },
    {
      code: '41040',
      labels: { en: 'Site preservation', fr: 'Protection des sites', de: 'Site preservation' },
      meta: { deFallback: 'en' },
    },
    {
      code: '41081',
      labels: {
        en: 'Environmental education/training',
        fr: 'Education et formation environnementales',
        de: 'Environmental education/training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '41082',
      labels: {
        en: 'Environmental research',
        fr: 'Recherche environnementale',
        de: 'Environmental research',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43010',
      labels: { en: 'Multisector aid', fr: 'Aide plurisectorielle', de: 'Multisector aid' },
      meta: { deFallback: 'en' },
    },
    {
      code: '43030',
      labels: {
        en: 'Urban development and management',
        fr: 'Développement et gestion urbaine',
        de: 'Urban development and management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43031',
      labels: {
        en: 'Urban land policy and management',
        fr: 'Politique et gestion du territoire urbain',
        de: 'Urban land policy and management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43032',
      labels: { en: 'Urban development', fr: 'Développement urbain', de: 'Urban development' },
      meta: { deFallback: 'en' },
    },
    {
      code: '43040',
      labels: { en: 'Rural development', fr: 'Développement rural', de: 'Rural development' },
      meta: { deFallback: 'en' },
    },
    {
      code: '43041',
      labels: {
        en: 'Rural land policy and management',
        fr: "Administration de l'aménagement du territoire rural",
        de: 'Rural land policy and management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43042',
      labels: { en: 'Rural development', fr: 'Développement rural', de: 'Rural development' },
      meta: { deFallback: 'en' },
    },
    {
      code: '43050',
      labels: {
        en: 'Non-agricultural alternative development',
        fr: 'Développement alternatif non agricole',
        de: 'Non-agricultural alternative development',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43060',
      labels: {
        en: 'Disaster Risk Reduction',
        fr: 'Réduction des risques de catastrophe',
        de: 'Disaster Risk Reduction',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43071',
      labels: {
        en: 'Food security policy and administrative management',
        fr: 'Politique de sécurité alimentaire et gestion administrative',
        de: 'Food security policy and administrative management',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43072',
      labels: {
        en: 'Household food security programmes',
        fr: 'Programmes de sécurité alimentaire des ménages',
        de: 'Household food security programmes',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43073',
      labels: {
        en: 'Food safety and quality',
        fr: 'Sécurité et qualité alimentaire',
        de: 'Food safety and quality',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43081',
      labels: {
        en: 'Multisector education/training',
        fr: 'Education et formation plurisectorielles',
        de: 'Multisector education/training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '43082',
      labels: {
        en: 'Research/scientific institutions',
        fr: 'Institutions scientifiques et de recherche',
        de: 'Research/scientific institutions',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '51010',
      labels: {
        en: 'General budget support-related aid',
        fr: 'Aide relative au soutien budgétaire général',
        de: 'General budget support-related aid',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '52010',
      labels: { en: 'Food assistance', fr: 'Assistance alimentaire', de: 'Food assistance' },
      meta: { deFallback: 'en' },
    },
    {
      code: '53030',
      labels: {
        en: 'Import support (capital goods)',
        fr: "Subventions à l'importation (biens d'équipement)",
        de: 'Import support (capital goods)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '53040',
      labels: {
        en: 'Import support (commodities)',
        fr: "Subventions à l'importation (produits)",
        de: 'Import support (commodities)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '60010',
      labels: {
        en: 'Action relating to debt',
        fr: 'Actions se rapportant à la dette',
        de: 'Action relating to debt',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '60020',
      labels: { en: 'Debt forgiveness', fr: 'Annulation de la dette', de: 'Debt forgiveness' },
      meta: { deFallback: 'en' },
    },
    {
      code: '60030',
      labels: {
        en: 'Relief of multilateral debt',
        fr: 'Allégement de la dette multilatérale',
        de: 'Relief of multilateral debt',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '60040',
      labels: {
        en: 'Rescheduling and refinancing',
        fr: "Rééchelonnement d'échéances et refinancement",
        de: 'Rescheduling and refinancing',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '60061',
      labels: {
        en: 'Debt for development swap',
        fr: 'Echange de dette à des fins de développement',
        de: 'Debt for development swap',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '60062',
      labels: { en: 'Other debt swap', fr: 'Autres échanges de dette', de: 'Other debt swap' },
      meta: { deFallback: 'en' },
    },
    {
      code: '60063',
      labels: { en: 'Debt buy-back', fr: 'Rachat de la dette', de: 'Debt buy-back' },
      meta: { deFallback: 'en' },
    },
    {
      code: '72010',
      labels: {
        en: 'Material relief assistance and services',
        fr: "Assistance matérielle et services d'urgence",
        de: 'Material relief assistance and services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '72011',
      labels: {
        en: 'Basic Health Care Services in Emergencies',
        fr: "Services de soins de santé de base dans les situations d'urgence",
        de: 'Basic Health Care Services in Emergencies',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '72012',
      labels: {
        en: 'Education in emergencies',
        fr: "Education dans les situations d'urgence",
        de: 'Education in emergencies',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '72040',
      labels: {
        en: 'Emergency food assistance',
        fr: "Assistance alimentaire d'urgence",
        de: 'Emergency food assistance',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '72050',
      labels: {
        en: 'Relief co-ordination and support services',
        fr: 'Coordination des secours et services de soutien',
        de: 'Relief co-ordination and support services',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '73010',
      labels: {
        en: 'Immediate post-emergency reconstruction and rehabilitation',
        fr: 'Reconstruction et réhabilitation immédiate post-urgence',
        de: 'Immediate post-emergency reconstruction and rehabilitation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '74020',
      labels: {
        en: 'Multi-hazard response preparedness',
        fr: 'Préparation aux interventions multi-risques',
        de: 'Multi-hazard response preparedness',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '91010',
      labels: {
        en: 'Administrative costs (non-sector allocable)',
        fr: 'Frais administratifs (non alloués par secteur)',
        de: 'Administrative costs (non-sector allocable)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93010',
      labels: {
        en: 'Refugees/asylum seekers in donor countries (non-sector allocable)',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs (non alloués)",
        de: 'Refugees/asylum seekers in donor countries (non-sector allocable)',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93011',
      labels: {
        en: 'Refugees/asylum seekers in donor countries - food and shelter',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs - nourriture et hébergement",
        de: 'Refugees/asylum seekers in donor countries - food and shelter',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93012',
      labels: {
        en: 'Refugees/asylum seekers in donor countries - training',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs - formation",
        de: 'Refugees/asylum seekers in donor countries - training',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93013',
      labels: {
        en: 'Refugees/asylum seekers in donor countries - health',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs - santé",
        de: 'Refugees/asylum seekers in donor countries - health',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93014',
      labels: {
        en: 'Refugees/asylum seekers in donor countries - other temporary sustenance',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs - autre entretien temporaire",
        de: 'Refugees/asylum seekers in donor countries - other temporary sustenance',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93015',
      labels: {
        en: 'Refugees/asylum seekers in donor countries - voluntary repatriation',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs - retour volontaire",
        de: 'Refugees/asylum seekers in donor countries - voluntary repatriation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93016',
      labels: {
        en: 'Refugees/asylum seekers in donor countries - transport',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs - transport",
        de: 'Refugees/asylum seekers in donor countries - transport',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93017',
      labels: {
        en: 'Refugees/asylum seekers in donor countries - rescue at sea',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs - sauvetage en mer",
        de: 'Refugees/asylum seekers in donor countries - rescue at sea',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '93018',
      labels: {
        en: 'Refugees/asylum seekers in donor countries - administrative costs',
        fr: "Refugiés/demandeurs d'asile dans les pays donneurs - coûts administratifs",
        de: 'Refugees/asylum seekers in donor countries - administrative costs',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '99810',
      labels: { en: 'Sectors not specified', fr: 'Secteur non spécifié', de: 'Sectors not specified' },
      meta: { deFallback: 'en' },
    },
    {
      code: '99820',
      labels: {
        en: 'Promotion of development awareness (non-sector allocable)',
        fr: 'Sensibilisation au développement (non alloués par secteur)',
        de: 'Promotion of development awareness (non-sector allocable)',
      },
      meta: { deFallback: 'en' },
    },
  ],
});

export const iatiRegion = defineCodeList({
  name: 'iati_region',
  label: { en: 'Region (OECD-DAC)', fr: 'Région (CAD de l’OCDE)', de: 'Region (OECD-DAC)' },
  codes: [
    {
      code: '88',
      labels: {
        en: 'States Ex-Yugoslavia unspecified',
        fr: 'Etats ex-Yougoslavie non spécifié',
        de: 'States Ex-Yugoslavia unspecified',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '89',
      labels: { en: 'Europe, regional', fr: 'Europe, régional', de: 'Europe, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '189',
      labels: {
        en: 'North of Sahara, regional',
        fr: 'Nord du Sahara, régional',
        de: 'North of Sahara, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '289',
      labels: {
        en: 'South of Sahara, regional',
        fr: 'Sud du Sahara, régional',
        de: 'South of Sahara, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '298',
      labels: { en: 'Africa, regional', fr: 'Afrique, régional', de: 'Africa, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '389',
      labels: {
        en: 'Caribbean & Central America, regional',
        fr: 'Caraïbes et Amérique centrale, régional',
        de: 'Caribbean & Central America, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '489',
      labels: {
        en: 'South America, regional',
        fr: 'Amérique du Sud, régional',
        de: 'South America, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '498',
      labels: { en: 'America, regional', fr: 'Amérique, régional', de: 'America, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '589',
      labels: { en: 'Middle East, regional', fr: 'Moyen-Orient, régional', de: 'Middle East, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '619',
      labels: { en: 'Central Asia, regional', fr: 'Asie centrale, régional', de: 'Central Asia, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '679',
      labels: { en: 'South Asia, regional', fr: 'Asie du Sud, régional', de: 'South Asia, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '689',
      labels: {
        en: 'South & Central Asia, regional',
        fr: 'Asie du Sud & C., régional',
        de: 'South & Central Asia, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '789',
      labels: {
        en: 'Far East Asia, regional',
        fr: 'Extrême-Orient, régional',
        de: 'Far East Asia, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '798',
      labels: { en: 'Asia, regional', fr: 'Asie, régional', de: 'Asia, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '889',
      labels: { en: 'Oceania, regional', fr: 'Océanie, régional', de: 'Oceania, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '998',
      labels: {
        en: 'Developing countries, unspecified',
        fr: 'Pays en développement, non spécifié',
        de: 'Developing countries, unspecified',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '1027',
      labels: {
        en: 'Eastern Africa, regional',
        fr: "Afrique de l'est, régional",
        de: 'Eastern Africa, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '1028',
      labels: {
        en: 'Middle Africa, regional',
        fr: 'Afrique centrale, régional',
        de: 'Middle Africa, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '1029',
      labels: {
        en: 'Southern Africa, regional',
        fr: 'Afrique australe, régional',
        de: 'Southern Africa, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '1030',
      labels: {
        en: 'Western Africa, regional',
        fr: 'Afrique occidentale, régional',
        de: 'Western Africa, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '1031',
      labels: { en: 'Caribbean, regional', fr: 'Caraïbes, régional', de: 'Caribbean, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '1032',
      labels: {
        en: 'Central America, regional',
        fr: 'Amérique centrale, régional',
        de: 'Central America, regional',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: '1033',
      labels: { en: 'Melanesia, regional', fr: 'Mélanésie, régional', de: 'Melanesia, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '1034',
      labels: { en: 'Micronesia, regional', fr: 'Micronésie, régional', de: 'Micronesia, regional' },
      meta: { deFallback: 'en' },
    },
    {
      code: '1035',
      labels: { en: 'Polynesia, regional', fr: 'Polynésie, régional', de: 'Polynesia, regional' },
      meta: { deFallback: 'en' },
    },
  ],
});

export const iatiCountry = defineCodeList({
  name: 'iati_country',
  label: { en: 'Country (ISO 3166-1)', fr: 'Pays (ISO 3166-1)', de: 'Country (ISO 3166-1)' },
  codes: [
    {
      code: 'AF',
      labels: { en: 'Afghanistan', fr: 'Afghanistan', de: 'Afghanistan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AX',
      labels: { en: 'Åland Islands', fr: 'Åland Islands', de: 'Åland Islands' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AL',
      labels: { en: 'Albania', fr: 'Albania', de: 'Albania' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DZ',
      labels: { en: 'Algeria', fr: 'Algeria', de: 'Algeria' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AS',
      labels: { en: 'American Samoa', fr: 'American Samoa', de: 'American Samoa' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AD',
      labels: { en: 'Andorra', fr: 'Andorra', de: 'Andorra' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AO',
      labels: { en: 'Angola', fr: 'Angola', de: 'Angola' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AI',
      labels: { en: 'Anguilla', fr: 'Anguilla', de: 'Anguilla' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AQ',
      labels: { en: 'Antarctica', fr: 'Antarctica', de: 'Antarctica' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AG',
      labels: { en: 'Antigua and Barbuda', fr: 'Antigua and Barbuda', de: 'Antigua and Barbuda' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AR',
      labels: { en: 'Argentina', fr: 'Argentina', de: 'Argentina' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AM',
      labels: { en: 'Armenia', fr: 'Armenia', de: 'Armenia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AW',
      labels: { en: 'Aruba', fr: 'Aruba', de: 'Aruba' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AU',
      labels: { en: 'Australia', fr: 'Australia', de: 'Australia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AT',
      labels: { en: 'Austria', fr: 'Austria', de: 'Austria' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AZ',
      labels: { en: 'Azerbaijan', fr: 'Azerbaijan', de: 'Azerbaijan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BS',
      labels: { en: 'Bahamas (the)', fr: 'Bahamas (the)', de: 'Bahamas (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BH',
      labels: { en: 'Bahrain', fr: 'Bahrain', de: 'Bahrain' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BD',
      labels: { en: 'Bangladesh', fr: 'Bangladesh', de: 'Bangladesh' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BB',
      labels: { en: 'Barbados', fr: 'Barbados', de: 'Barbados' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BY',
      labels: { en: 'Belarus', fr: 'Belarus', de: 'Belarus' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BE',
      labels: { en: 'Belgium', fr: 'Belgium', de: 'Belgium' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BZ',
      labels: { en: 'Belize', fr: 'Belize', de: 'Belize' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BJ',
      labels: { en: 'Benin', fr: 'Benin', de: 'Benin' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BM',
      labels: { en: 'Bermuda', fr: 'Bermuda', de: 'Bermuda' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BT',
      labels: { en: 'Bhutan', fr: 'Bhutan', de: 'Bhutan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BO',
      labels: {
        en: 'Bolivia (Plurinational State of)',
        fr: 'Bolivia (Plurinational State of)',
        de: 'Bolivia (Plurinational State of)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BQ',
      labels: {
        en: 'Bonaire, Sint Eustatius and Saba',
        fr: 'Bonaire, Sint Eustatius and Saba',
        de: 'Bonaire, Sint Eustatius and Saba',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BA',
      labels: { en: 'Bosnia and Herzegovina', fr: 'Bosnia and Herzegovina', de: 'Bosnia and Herzegovina' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BW',
      labels: { en: 'Botswana', fr: 'Botswana', de: 'Botswana' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BV',
      labels: { en: 'Bouvet Island', fr: 'Bouvet Island', de: 'Bouvet Island' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BR',
      labels: { en: 'Brazil', fr: 'Brazil', de: 'Brazil' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IO',
      labels: {
        en: 'British Indian Ocean Territory (the)',
        fr: 'British Indian Ocean Territory (the)',
        de: 'British Indian Ocean Territory (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BN',
      labels: { en: 'Brunei Darussalam', fr: 'Brunei Darussalam', de: 'Brunei Darussalam' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BG',
      labels: { en: 'Bulgaria', fr: 'Bulgaria', de: 'Bulgaria' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BF',
      labels: { en: 'Burkina Faso', fr: 'Burkina Faso', de: 'Burkina Faso' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BI',
      labels: { en: 'Burundi', fr: 'Burundi', de: 'Burundi' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KH',
      labels: { en: 'Cambodia', fr: 'Cambodia', de: 'Cambodia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CM',
      labels: { en: 'Cameroon', fr: 'Cameroon', de: 'Cameroon' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CA',
      labels: { en: 'Canada', fr: 'Canada', de: 'Canada' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CV',
      labels: { en: 'Cabo Verde', fr: 'Cabo Verde', de: 'Cabo Verde' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KY',
      labels: { en: 'Cayman Islands (the)', fr: 'Cayman Islands (the)', de: 'Cayman Islands (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CF',
      labels: {
        en: 'Central African Republic (the)',
        fr: 'Central African Republic (the)',
        de: 'Central African Republic (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TD',
      labels: { en: 'Chad', fr: 'Chad', de: 'Chad' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CL',
      labels: { en: 'Chile', fr: 'Chile', de: 'Chile' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CN',
      labels: { en: 'China', fr: 'China', de: 'China' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CX',
      labels: { en: 'Christmas Island', fr: 'Christmas Island', de: 'Christmas Island' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CC',
      labels: {
        en: 'Cocos (Keeling) Islands (the)',
        fr: 'Cocos (Keeling) Islands (the)',
        de: 'Cocos (Keeling) Islands (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CO',
      labels: { en: 'Colombia', fr: 'Colombia', de: 'Colombia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KM',
      labels: { en: 'Comoros (the)', fr: 'Comoros (the)', de: 'Comoros (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CG',
      labels: { en: 'Congo (the)', fr: 'Congo (the)', de: 'Congo (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CD',
      labels: {
        en: 'Congo (the Democratic Republic of the)',
        fr: 'Congo (the Democratic Republic of the)',
        de: 'Congo (the Democratic Republic of the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CK',
      labels: { en: 'Cook Islands (the)', fr: 'Cook Islands (the)', de: 'Cook Islands (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CR',
      labels: { en: 'Costa Rica', fr: 'Costa Rica', de: 'Costa Rica' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CI',
      labels: { en: "Côte d'Ivoire", fr: "Côte d'Ivoire", de: "Côte d'Ivoire" },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HR',
      labels: { en: 'Croatia', fr: 'Croatia', de: 'Croatia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CU',
      labels: { en: 'Cuba', fr: 'Cuba', de: 'Cuba' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CW',
      labels: { en: 'Curaçao', fr: 'Curaçao', de: 'Curaçao' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CY',
      labels: { en: 'Cyprus', fr: 'Cyprus', de: 'Cyprus' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CZ',
      labels: { en: 'Czechia', fr: 'Czechia', de: 'Czechia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DK',
      labels: { en: 'Denmark', fr: 'Denmark', de: 'Denmark' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DJ',
      labels: { en: 'Djibouti', fr: 'Djibouti', de: 'Djibouti' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DM',
      labels: { en: 'Dominica', fr: 'Dominica', de: 'Dominica' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DO',
      labels: {
        en: 'Dominican Republic (the)',
        fr: 'Dominican Republic (the)',
        de: 'Dominican Republic (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'EC',
      labels: { en: 'Ecuador', fr: 'Ecuador', de: 'Ecuador' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'EG',
      labels: { en: 'Egypt', fr: 'Egypt', de: 'Egypt' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SV',
      labels: { en: 'El Salvador', fr: 'El Salvador', de: 'El Salvador' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GQ',
      labels: { en: 'Equatorial Guinea', fr: 'Equatorial Guinea', de: 'Equatorial Guinea' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ER',
      labels: { en: 'Eritrea', fr: 'Eritrea', de: 'Eritrea' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'EE',
      labels: { en: 'Estonia', fr: 'Estonia', de: 'Estonia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ET',
      labels: { en: 'Ethiopia', fr: 'Ethiopia', de: 'Ethiopia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'FK',
      labels: {
        en: 'Falkland Islands (the) [Malvinas]',
        fr: 'Falkland Islands (the) [Malvinas]',
        de: 'Falkland Islands (the) [Malvinas]',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'FO',
      labels: { en: 'Faroe Islands (the)', fr: 'Faroe Islands (the)', de: 'Faroe Islands (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'FJ',
      labels: { en: 'Fiji', fr: 'Fiji', de: 'Fiji' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'FI',
      labels: { en: 'Finland', fr: 'Finland', de: 'Finland' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'FR',
      labels: { en: 'France', fr: 'France', de: 'France' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GF',
      labels: { en: 'French Guiana', fr: 'French Guiana', de: 'French Guiana' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PF',
      labels: { en: 'French Polynesia', fr: 'French Polynesia', de: 'French Polynesia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TF',
      labels: {
        en: 'French Southern Territories (the)',
        fr: 'French Southern Territories (the)',
        de: 'French Southern Territories (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GA',
      labels: { en: 'Gabon', fr: 'Gabon', de: 'Gabon' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GM',
      labels: { en: 'Gambia (the)', fr: 'Gambia (the)', de: 'Gambia (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GE',
      labels: { en: 'Georgia', fr: 'Georgia', de: 'Georgia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DE',
      labels: { en: 'Germany', fr: 'Germany', de: 'Germany' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GH',
      labels: { en: 'Ghana', fr: 'Ghana', de: 'Ghana' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GI',
      labels: { en: 'Gibraltar', fr: 'Gibraltar', de: 'Gibraltar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GR',
      labels: { en: 'Greece', fr: 'Greece', de: 'Greece' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GL',
      labels: { en: 'Greenland', fr: 'Greenland', de: 'Greenland' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GD',
      labels: { en: 'Grenada', fr: 'Grenada', de: 'Grenada' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GP',
      labels: { en: 'Guadeloupe', fr: 'Guadeloupe', de: 'Guadeloupe' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GU',
      labels: { en: 'Guam', fr: 'Guam', de: 'Guam' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GT',
      labels: { en: 'Guatemala', fr: 'Guatemala', de: 'Guatemala' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GG',
      labels: { en: 'Guernsey', fr: 'Guernsey', de: 'Guernsey' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GN',
      labels: { en: 'Guinea', fr: 'Guinea', de: 'Guinea' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GW',
      labels: { en: 'Guinea-Bissau', fr: 'Guinea-Bissau', de: 'Guinea-Bissau' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GY',
      labels: { en: 'Guyana', fr: 'Guyana', de: 'Guyana' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HT',
      labels: { en: 'Haiti', fr: 'Haiti', de: 'Haiti' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HM',
      labels: {
        en: 'Heard Island and McDonald Islands',
        fr: 'Heard Island and McDonald Islands',
        de: 'Heard Island and McDonald Islands',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VA',
      labels: { en: 'Holy See (the)', fr: 'Holy See (the)', de: 'Holy See (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HN',
      labels: { en: 'Honduras', fr: 'Honduras', de: 'Honduras' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HK',
      labels: { en: 'Hong Kong', fr: 'Hong Kong', de: 'Hong Kong' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HU',
      labels: { en: 'Hungary', fr: 'Hungary', de: 'Hungary' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IS',
      labels: { en: 'Iceland', fr: 'Iceland', de: 'Iceland' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IN',
      labels: { en: 'India', fr: 'India', de: 'India' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ID',
      labels: { en: 'Indonesia', fr: 'Indonesia', de: 'Indonesia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IR',
      labels: {
        en: 'Iran (Islamic Republic of)',
        fr: 'Iran (Islamic Republic of)',
        de: 'Iran (Islamic Republic of)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IQ',
      labels: { en: 'Iraq', fr: 'Iraq', de: 'Iraq' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IE',
      labels: { en: 'Ireland', fr: 'Ireland', de: 'Ireland' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IM',
      labels: { en: 'Isle of Man', fr: 'Isle of Man', de: 'Isle of Man' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IL',
      labels: { en: 'Israel', fr: 'Israel', de: 'Israel' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IT',
      labels: { en: 'Italy', fr: 'Italy', de: 'Italy' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'JM',
      labels: { en: 'Jamaica', fr: 'Jamaica', de: 'Jamaica' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'JP',
      labels: { en: 'Japan', fr: 'Japan', de: 'Japan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'JE',
      labels: { en: 'Jersey', fr: 'Jersey', de: 'Jersey' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'JO',
      labels: { en: 'Jordan', fr: 'Jordan', de: 'Jordan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KZ',
      labels: { en: 'Kazakhstan', fr: 'Kazakhstan', de: 'Kazakhstan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KE',
      labels: { en: 'Kenya', fr: 'Kenya', de: 'Kenya' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KI',
      labels: { en: 'Kiribati', fr: 'Kiribati', de: 'Kiribati' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KP',
      labels: {
        en: "Korea (the Democratic People's Republic of)",
        fr: "Korea (the Democratic People's Republic of)",
        de: "Korea (the Democratic People's Republic of)",
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KR',
      labels: { en: 'Korea (the Republic of)', fr: 'Korea (the Republic of)', de: 'Korea (the Republic of)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'XK',
      labels: { en: 'Kosovo', fr: 'Kosovo', de: 'Kosovo' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KW',
      labels: { en: 'Kuwait', fr: 'Kuwait', de: 'Kuwait' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KG',
      labels: { en: 'Kyrgyzstan', fr: 'Kyrgyzstan', de: 'Kyrgyzstan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LA',
      labels: {
        en: "Lao People's Democratic Republic (the)",
        fr: "Lao People's Democratic Republic (the)",
        de: "Lao People's Democratic Republic (the)",
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LV',
      labels: { en: 'Latvia', fr: 'Latvia', de: 'Latvia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LB',
      labels: { en: 'Lebanon', fr: 'Lebanon', de: 'Lebanon' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LS',
      labels: { en: 'Lesotho', fr: 'Lesotho', de: 'Lesotho' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LR',
      labels: { en: 'Liberia', fr: 'Liberia', de: 'Liberia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LY',
      labels: { en: 'Libya', fr: 'Libya', de: 'Libya' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LI',
      labels: { en: 'Liechtenstein', fr: 'Liechtenstein', de: 'Liechtenstein' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LT',
      labels: { en: 'Lithuania', fr: 'Lithuania', de: 'Lithuania' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LU',
      labels: { en: 'Luxembourg', fr: 'Luxembourg', de: 'Luxembourg' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MO',
      labels: { en: 'Macao', fr: 'Macao', de: 'Macao' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MK',
      labels: { en: 'North Macedonia', fr: 'North Macedonia', de: 'North Macedonia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MG',
      labels: { en: 'Madagascar', fr: 'Madagascar', de: 'Madagascar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MW',
      labels: { en: 'Malawi', fr: 'Malawi', de: 'Malawi' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MY',
      labels: { en: 'Malaysia', fr: 'Malaysia', de: 'Malaysia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MV',
      labels: { en: 'Maldives', fr: 'Maldives', de: 'Maldives' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ML',
      labels: { en: 'Mali', fr: 'Mali', de: 'Mali' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MT',
      labels: { en: 'Malta', fr: 'Malta', de: 'Malta' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MH',
      labels: { en: 'Marshall Islands (the)', fr: 'Marshall Islands (the)', de: 'Marshall Islands (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MQ',
      labels: { en: 'Martinique', fr: 'Martinique', de: 'Martinique' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MR',
      labels: { en: 'Mauritania', fr: 'Mauritania', de: 'Mauritania' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MU',
      labels: { en: 'Mauritius', fr: 'Mauritius', de: 'Mauritius' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'YT',
      labels: { en: 'Mayotte', fr: 'Mayotte', de: 'Mayotte' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MX',
      labels: { en: 'Mexico', fr: 'Mexico', de: 'Mexico' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'FM',
      labels: {
        en: 'Micronesia (Federated States of)',
        fr: 'Micronesia (Federated States of)',
        de: 'Micronesia (Federated States of)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MD',
      labels: {
        en: 'Moldova (the Republic of)',
        fr: 'Moldova (the Republic of)',
        de: 'Moldova (the Republic of)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MC',
      labels: { en: 'Monaco', fr: 'Monaco', de: 'Monaco' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MN',
      labels: { en: 'Mongolia', fr: 'Mongolia', de: 'Mongolia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ME',
      labels: { en: 'Montenegro', fr: 'Montenegro', de: 'Montenegro' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MS',
      labels: { en: 'Montserrat', fr: 'Montserrat', de: 'Montserrat' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MA',
      labels: { en: 'Morocco', fr: 'Morocco', de: 'Morocco' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MZ',
      labels: { en: 'Mozambique', fr: 'Mozambique', de: 'Mozambique' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MM',
      labels: { en: 'Myanmar', fr: 'Myanmar', de: 'Myanmar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NA',
      labels: { en: 'Namibia', fr: 'Namibia', de: 'Namibia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NR',
      labels: { en: 'Nauru', fr: 'Nauru', de: 'Nauru' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NP',
      labels: { en: 'Nepal', fr: 'Nepal', de: 'Nepal' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NL',
      labels: { en: 'Netherlands (the)', fr: 'Netherlands (the)', de: 'Netherlands (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NC',
      labels: { en: 'New Caledonia', fr: 'New Caledonia', de: 'New Caledonia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NZ',
      labels: { en: 'New Zealand', fr: 'New Zealand', de: 'New Zealand' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NI',
      labels: { en: 'Nicaragua', fr: 'Nicaragua', de: 'Nicaragua' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NE',
      labels: { en: 'Niger (the)', fr: 'Niger (the)', de: 'Niger (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NG',
      labels: { en: 'Nigeria', fr: 'Nigeria', de: 'Nigeria' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NU',
      labels: { en: 'Niue', fr: 'Niue', de: 'Niue' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NF',
      labels: { en: 'Norfolk Island', fr: 'Norfolk Island', de: 'Norfolk Island' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MP',
      labels: {
        en: 'Northern Mariana Islands (the)',
        fr: 'Northern Mariana Islands (the)',
        de: 'Northern Mariana Islands (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NO',
      labels: { en: 'Norway', fr: 'Norway', de: 'Norway' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'OM',
      labels: { en: 'Oman', fr: 'Oman', de: 'Oman' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PK',
      labels: { en: 'Pakistan', fr: 'Pakistan', de: 'Pakistan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PW',
      labels: { en: 'Palau', fr: 'Palau', de: 'Palau' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PS',
      labels: { en: 'Palestine, State of', fr: 'Palestine, State of', de: 'Palestine, State of' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PA',
      labels: { en: 'Panama', fr: 'Panama', de: 'Panama' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PG',
      labels: { en: 'Papua New Guinea', fr: 'Papua New Guinea', de: 'Papua New Guinea' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PY',
      labels: { en: 'Paraguay', fr: 'Paraguay', de: 'Paraguay' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PE',
      labels: { en: 'Peru', fr: 'Peru', de: 'Peru' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PH',
      labels: { en: 'Philippines (the)', fr: 'Philippines (the)', de: 'Philippines (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PN',
      labels: { en: 'Pitcairn', fr: 'Pitcairn', de: 'Pitcairn' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PL',
      labels: { en: 'Poland', fr: 'Poland', de: 'Poland' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PT',
      labels: { en: 'Portugal', fr: 'Portugal', de: 'Portugal' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PR',
      labels: { en: 'Puerto Rico', fr: 'Puerto Rico', de: 'Puerto Rico' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'QA',
      labels: { en: 'Qatar', fr: 'Qatar', de: 'Qatar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RE',
      labels: { en: 'Réunion', fr: 'Réunion', de: 'Réunion' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RO',
      labels: { en: 'Romania', fr: 'Romania', de: 'Romania' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RU',
      labels: {
        en: 'Russian Federation (the)',
        fr: 'Russian Federation (the)',
        de: 'Russian Federation (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RW',
      labels: { en: 'Rwanda', fr: 'Rwanda', de: 'Rwanda' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BL',
      labels: { en: 'Saint Barthélemy', fr: 'Saint Barthélemy', de: 'Saint Barthélemy' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SH',
      labels: {
        en: 'Saint Helena, Ascension and Tristan da Cunha',
        fr: 'Saint Helena, Ascension and Tristan da Cunha',
        de: 'Saint Helena, Ascension and Tristan da Cunha',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KN',
      labels: { en: 'Saint Kitts and Nevis', fr: 'Saint Kitts and Nevis', de: 'Saint Kitts and Nevis' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LC',
      labels: { en: 'Saint Lucia', fr: 'Saint Lucia', de: 'Saint Lucia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MF',
      labels: {
        en: 'Saint Martin (French part)',
        fr: 'Saint Martin (French part)',
        de: 'Saint Martin (French part)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PM',
      labels: {
        en: 'Saint Pierre and Miquelon',
        fr: 'Saint Pierre and Miquelon',
        de: 'Saint Pierre and Miquelon',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VC',
      labels: {
        en: 'Saint Vincent and the Grenadines',
        fr: 'Saint Vincent and the Grenadines',
        de: 'Saint Vincent and the Grenadines',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'WS',
      labels: { en: 'Samoa', fr: 'Samoa', de: 'Samoa' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SM',
      labels: { en: 'San Marino', fr: 'San Marino', de: 'San Marino' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ST',
      labels: { en: 'Sao Tome and Principe', fr: 'Sao Tome and Principe', de: 'Sao Tome and Principe' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SA',
      labels: { en: 'Saudi Arabia', fr: 'Saudi Arabia', de: 'Saudi Arabia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SN',
      labels: { en: 'Senegal', fr: 'Senegal', de: 'Senegal' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RS',
      labels: { en: 'Serbia', fr: 'Serbia', de: 'Serbia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SC',
      labels: { en: 'Seychelles', fr: 'Seychelles', de: 'Seychelles' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SL',
      labels: { en: 'Sierra Leone', fr: 'Sierra Leone', de: 'Sierra Leone' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SG',
      labels: { en: 'Singapore', fr: 'Singapore', de: 'Singapore' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SX',
      labels: {
        en: 'Sint Maarten (Dutch part)',
        fr: 'Sint Maarten (Dutch part)',
        de: 'Sint Maarten (Dutch part)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SK',
      labels: { en: 'Slovakia', fr: 'Slovakia', de: 'Slovakia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SI',
      labels: { en: 'Slovenia', fr: 'Slovenia', de: 'Slovenia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SB',
      labels: { en: 'Solomon Islands', fr: 'Solomon Islands', de: 'Solomon Islands' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SO',
      labels: { en: 'Somalia', fr: 'Somalia', de: 'Somalia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ZA',
      labels: { en: 'South Africa', fr: 'South Africa', de: 'South Africa' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GS',
      labels: {
        en: 'South Georgia and the South Sandwich Islands',
        fr: 'South Georgia and the South Sandwich Islands',
        de: 'South Georgia and the South Sandwich Islands',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SS',
      labels: { en: 'South Sudan', fr: 'South Sudan', de: 'South Sudan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ES',
      labels: { en: 'Spain', fr: 'Spain', de: 'Spain' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LK',
      labels: { en: 'Sri Lanka', fr: 'Sri Lanka', de: 'Sri Lanka' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SD',
      labels: { en: 'Sudan (the)', fr: 'Sudan (the)', de: 'Sudan (the)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SR',
      labels: { en: 'Suriname', fr: 'Suriname', de: 'Suriname' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SJ',
      labels: { en: 'Svalbard and Jan Mayen', fr: 'Svalbard and Jan Mayen', de: 'Svalbard and Jan Mayen' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SZ',
      labels: { en: 'Eswatini', fr: 'Eswatini', de: 'Eswatini' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SE',
      labels: { en: 'Sweden', fr: 'Sweden', de: 'Sweden' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CH',
      labels: { en: 'Switzerland', fr: 'Switzerland', de: 'Switzerland' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SY',
      labels: {
        en: 'Syrian Arab Republic (the)',
        fr: 'Syrian Arab Republic (the)',
        de: 'Syrian Arab Republic (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TW',
      labels: {
        en: 'Taiwan (Province of China)',
        fr: 'Taiwan (Province of China)',
        de: 'Taiwan (Province of China)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TJ',
      labels: { en: 'Tajikistan', fr: 'Tajikistan', de: 'Tajikistan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TZ',
      labels: {
        en: 'Tanzania, the United Republic of',
        fr: 'Tanzania, the United Republic of',
        de: 'Tanzania, the United Republic of',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TH',
      labels: { en: 'Thailand', fr: 'Thailand', de: 'Thailand' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TL',
      labels: { en: 'Timor-Leste', fr: 'Timor-Leste', de: 'Timor-Leste' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TG',
      labels: { en: 'Togo', fr: 'Togo', de: 'Togo' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TK',
      labels: { en: 'Tokelau', fr: 'Tokelau', de: 'Tokelau' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TO',
      labels: { en: 'Tonga', fr: 'Tonga', de: 'Tonga' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TT',
      labels: { en: 'Trinidad and Tobago', fr: 'Trinidad and Tobago', de: 'Trinidad and Tobago' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TN',
      labels: { en: 'Tunisia', fr: 'Tunisia', de: 'Tunisia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TR',
      labels: { en: 'Türkiye', fr: 'Türkiye', de: 'Türkiye' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TM',
      labels: { en: 'Turkmenistan', fr: 'Turkmenistan', de: 'Turkmenistan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TC',
      labels: {
        en: 'Turks and Caicos Islands (the)',
        fr: 'Turks and Caicos Islands (the)',
        de: 'Turks and Caicos Islands (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TV',
      labels: { en: 'Tuvalu', fr: 'Tuvalu', de: 'Tuvalu' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UG',
      labels: { en: 'Uganda', fr: 'Uganda', de: 'Uganda' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UA',
      labels: { en: 'Ukraine', fr: 'Ukraine', de: 'Ukraine' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AE',
      labels: {
        en: 'United Arab Emirates (the)',
        fr: 'United Arab Emirates (the)',
        de: 'United Arab Emirates (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GB',
      labels: {
        en: 'United Kingdom of Great Britain and Northern Ireland (the)',
        fr: 'United Kingdom of Great Britain and Northern Ireland (the)',
        de: 'United Kingdom of Great Britain and Northern Ireland (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'US',
      labels: {
        en: 'United States of America (the)',
        fr: 'United States of America (the)',
        de: 'United States of America (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UM',
      labels: {
        en: 'United States Minor Outlying Islands (the)',
        fr: 'United States Minor Outlying Islands (the)',
        de: 'United States Minor Outlying Islands (the)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UY',
      labels: { en: 'Uruguay', fr: 'Uruguay', de: 'Uruguay' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UZ',
      labels: { en: 'Uzbekistan', fr: 'Uzbekistan', de: 'Uzbekistan' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VU',
      labels: { en: 'Vanuatu', fr: 'Vanuatu', de: 'Vanuatu' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VE',
      labels: {
        en: 'Venezuela (Bolivarian Republic of)',
        fr: 'Venezuela (Bolivarian Republic of)',
        de: 'Venezuela (Bolivarian Republic of)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VN',
      labels: { en: 'Viet Nam', fr: 'Viet Nam', de: 'Viet Nam' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VG',
      labels: {
        en: 'Virgin Islands (British)',
        fr: 'Virgin Islands (British)',
        de: 'Virgin Islands (British)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VI',
      labels: { en: 'Virgin Islands (U.S.)', fr: 'Virgin Islands (U.S.)', de: 'Virgin Islands (U.S.)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'WF',
      labels: { en: 'Wallis and Futuna', fr: 'Wallis and Futuna', de: 'Wallis and Futuna' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'EH',
      labels: { en: 'Western Sahara', fr: 'Western Sahara', de: 'Western Sahara' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'YE',
      labels: { en: 'Yemen', fr: 'Yemen', de: 'Yemen' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ZM',
      labels: { en: 'Zambia', fr: 'Zambia', de: 'Zambia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ZW',
      labels: { en: 'Zimbabwe', fr: 'Zimbabwe', de: 'Zimbabwe' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
  ],
});

export const iatiCurrency = defineCodeList({
  name: 'iati_currency',
  label: { en: 'Currency (ISO 4217)', fr: 'Devise (ISO 4217)', de: 'Currency (ISO 4217)' },
  codes: [
    {
      code: 'AED',
      labels: { en: 'UAE Dirham', fr: 'UAE Dirham', de: 'UAE Dirham' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AFN',
      labels: { en: 'Afghani', fr: 'Afghani', de: 'Afghani' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ALL',
      labels: { en: 'Lek', fr: 'Lek', de: 'Lek' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AMD',
      labels: { en: 'Armenian Dram', fr: 'Armenian Dram', de: 'Armenian Dram' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ANG',
      labels: {
        en: 'Netherlands Antillian Guilder',
        fr: 'Netherlands Antillian Guilder',
        de: 'Netherlands Antillian Guilder',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AOA',
      labels: { en: 'Kwanza', fr: 'Kwanza', de: 'Kwanza' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ARS',
      labels: { en: 'Argentine Peso', fr: 'Argentine Peso', de: 'Argentine Peso' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AUD',
      labels: { en: 'Australian Dollar', fr: 'Australian Dollar', de: 'Australian Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AWG',
      labels: { en: 'Aruban Guilder', fr: 'Aruban Guilder', de: 'Aruban Guilder' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'AZN',
      labels: { en: 'Azerbaijanian Manat', fr: 'Azerbaijanian Manat', de: 'Azerbaijanian Manat' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BAM',
      labels: { en: 'Convertible Marks', fr: 'Convertible Marks', de: 'Convertible Marks' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BBD',
      labels: { en: 'Barbados Dollar', fr: 'Barbados Dollar', de: 'Barbados Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BDT',
      labels: { en: 'Taka', fr: 'Taka', de: 'Taka' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BGN',
      labels: { en: 'Bulgarian Lev', fr: 'Bulgarian Lev', de: 'Bulgarian Lev' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BHD',
      labels: { en: 'Bahraini Dinar', fr: 'Bahraini Dinar', de: 'Bahraini Dinar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BIF',
      labels: { en: 'Burundi Franc', fr: 'Burundi Franc', de: 'Burundi Franc' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BMD',
      labels: { en: 'Bermudian Dollar', fr: 'Bermudian Dollar', de: 'Bermudian Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BND',
      labels: { en: 'Brunei Dollar', fr: 'Brunei Dollar', de: 'Brunei Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BOB',
      labels: { en: 'Boliviano', fr: 'Boliviano', de: 'Boliviano' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BOV',
      labels: { en: 'Mvdol', fr: 'Mvdol', de: 'Mvdol' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BRL',
      labels: { en: 'Brazilian Real', fr: 'Brazilian Real', de: 'Brazilian Real' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BSD',
      labels: { en: 'Bahamian Dollar', fr: 'Bahamian Dollar', de: 'Bahamian Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BTN',
      labels: { en: 'Ngultrum', fr: 'Ngultrum', de: 'Ngultrum' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BWP',
      labels: { en: 'Pula', fr: 'Pula', de: 'Pula' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BYN',
      labels: { en: 'Belarussian Ruble', fr: 'Belarussian Ruble', de: 'Belarussian Ruble' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'BZD',
      labels: { en: 'Belize Dollar', fr: 'Belize Dollar', de: 'Belize Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CAD',
      labels: { en: 'Canadian Dollar', fr: 'Canadian Dollar', de: 'Canadian Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CDF',
      labels: { en: 'Congolese Franc', fr: 'Congolese Franc', de: 'Congolese Franc' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CHF',
      labels: { en: 'Swiss Franc', fr: 'Swiss Franc', de: 'Swiss Franc' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CLF',
      labels: { en: 'Unidades de fomento', fr: 'Unidades de fomento', de: 'Unidades de fomento' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CLP',
      labels: { en: 'Chilean Peso', fr: 'Chilean Peso', de: 'Chilean Peso' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CNY',
      labels: { en: 'Yuan Renminbi', fr: 'Yuan Renminbi', de: 'Yuan Renminbi' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'COP',
      labels: { en: 'Colombian Peso', fr: 'Colombian Peso', de: 'Colombian Peso' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'COU',
      labels: { en: 'Unidad de Valor Real', fr: 'Unidad de Valor Real', de: 'Unidad de Valor Real' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CRC',
      labels: { en: 'Costa Rican Colon', fr: 'Costa Rican Colon', de: 'Costa Rican Colon' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CUC',
      labels: { en: 'Peso Convertible', fr: 'Peso Convertible', de: 'Peso Convertible' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CUP',
      labels: { en: 'Cuban Peso', fr: 'Cuban Peso', de: 'Cuban Peso' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CVE',
      labels: { en: 'Cape Verde Escudo', fr: 'Cape Verde Escudo', de: 'Cape Verde Escudo' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'CZK',
      labels: { en: 'Czech Koruna', fr: 'Czech Koruna', de: 'Czech Koruna' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DJF',
      labels: { en: 'Djibouti Franc', fr: 'Djibouti Franc', de: 'Djibouti Franc' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DKK',
      labels: { en: 'Danish Krone', fr: 'Danish Krone', de: 'Danish Krone' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DOP',
      labels: { en: 'Dominican Peso', fr: 'Dominican Peso', de: 'Dominican Peso' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'DZD',
      labels: { en: 'Algerian Dinar', fr: 'Algerian Dinar', de: 'Algerian Dinar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'EGP',
      labels: { en: 'Egyptian Pound', fr: 'Egyptian Pound', de: 'Egyptian Pound' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ERN',
      labels: { en: 'Nakfa', fr: 'Nakfa', de: 'Nakfa' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ETB',
      labels: { en: 'Ethiopian Birr', fr: 'Ethiopian Birr', de: 'Ethiopian Birr' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'EUR',
      labels: { en: 'Euro', fr: 'Euro', de: 'Euro' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'FJD',
      labels: { en: 'Fiji Dollar', fr: 'Fiji Dollar', de: 'Fiji Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'FKP',
      labels: { en: 'Falkland Islands Pound', fr: 'Falkland Islands Pound', de: 'Falkland Islands Pound' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GBP',
      labels: { en: 'Pound Sterling', fr: 'Pound Sterling', de: 'Pound Sterling' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GEL',
      labels: { en: 'Lari', fr: 'Lari', de: 'Lari' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GHS',
      labels: { en: 'Cedi', fr: 'Cedi', de: 'Cedi' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GIP',
      labels: { en: 'Gibraltar Pound', fr: 'Gibraltar Pound', de: 'Gibraltar Pound' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GMD',
      labels: { en: 'Dalasi', fr: 'Dalasi', de: 'Dalasi' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GNF',
      labels: { en: 'Guinea Franc', fr: 'Guinea Franc', de: 'Guinea Franc' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GTQ',
      labels: { en: 'Quetzal', fr: 'Quetzal', de: 'Quetzal' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'GYD',
      labels: { en: 'Guyana Dollar', fr: 'Guyana Dollar', de: 'Guyana Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HKD',
      labels: { en: 'Hong Kong Dollar', fr: 'Hong Kong Dollar', de: 'Hong Kong Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HNL',
      labels: { en: 'Lempira', fr: 'Lempira', de: 'Lempira' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HRK',
      labels: { en: 'Kuna', fr: 'Kuna', de: 'Kuna' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HTG',
      labels: { en: 'Gourde', fr: 'Gourde', de: 'Gourde' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'HUF',
      labels: { en: 'Forint', fr: 'Forint', de: 'Forint' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IDR',
      labels: { en: 'Rupiah', fr: 'Rupiah', de: 'Rupiah' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ILS',
      labels: { en: 'New Israeli Sheqel', fr: 'New Israeli Sheqel', de: 'New Israeli Sheqel' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'INR',
      labels: { en: 'Indian Rupee', fr: 'Indian Rupee', de: 'Indian Rupee' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IQD',
      labels: { en: 'Iraqi Dinar', fr: 'Iraqi Dinar', de: 'Iraqi Dinar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'IRR',
      labels: { en: 'Iranian Rial', fr: 'Iranian Rial', de: 'Iranian Rial' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ISK',
      labels: { en: 'Iceland Krona', fr: 'Iceland Krona', de: 'Iceland Krona' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'JMD',
      labels: { en: 'Jamaican Dollar', fr: 'Jamaican Dollar', de: 'Jamaican Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'JOD',
      labels: { en: 'Jordanian Dinar', fr: 'Jordanian Dinar', de: 'Jordanian Dinar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'JPY',
      labels: { en: 'Yen', fr: 'Yen', de: 'Yen' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KES',
      labels: { en: 'Kenyan Shilling', fr: 'Kenyan Shilling', de: 'Kenyan Shilling' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KGS',
      labels: { en: 'Som', fr: 'Som', de: 'Som' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KHR',
      labels: { en: 'Riel', fr: 'Riel', de: 'Riel' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KMF',
      labels: { en: 'Comoro Franc', fr: 'Comoro Franc', de: 'Comoro Franc' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KPW',
      labels: { en: 'North Korean Won', fr: 'North Korean Won', de: 'North Korean Won' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KRW',
      labels: { en: 'Won', fr: 'Won', de: 'Won' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KWD',
      labels: { en: 'Kuwaiti Dinar', fr: 'Kuwaiti Dinar', de: 'Kuwaiti Dinar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KYD',
      labels: { en: 'Cayman Islands Dollar', fr: 'Cayman Islands Dollar', de: 'Cayman Islands Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'KZT',
      labels: { en: 'Tenge', fr: 'Tenge', de: 'Tenge' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LAK',
      labels: { en: 'Kip', fr: 'Kip', de: 'Kip' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LBP',
      labels: { en: 'Lebanese Pound', fr: 'Lebanese Pound', de: 'Lebanese Pound' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LKR',
      labels: { en: 'Sri Lanka Rupee', fr: 'Sri Lanka Rupee', de: 'Sri Lanka Rupee' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LRD',
      labels: { en: 'Liberian Dollar', fr: 'Liberian Dollar', de: 'Liberian Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LSL',
      labels: { en: 'Loti', fr: 'Loti', de: 'Loti' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'LYD',
      labels: { en: 'Libyan Dinar', fr: 'Libyan Dinar', de: 'Libyan Dinar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MAD',
      labels: { en: 'Moroccan Dirham', fr: 'Moroccan Dirham', de: 'Moroccan Dirham' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MDL',
      labels: { en: 'Moldovan Leu', fr: 'Moldovan Leu', de: 'Moldovan Leu' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MGA',
      labels: { en: 'Malagasy Ariary', fr: 'Malagasy Ariary', de: 'Malagasy Ariary' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MKD',
      labels: { en: 'Denar', fr: 'Denar', de: 'Denar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MMK',
      labels: { en: 'Kyat', fr: 'Kyat', de: 'Kyat' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MNT',
      labels: { en: 'Tugrik', fr: 'Tugrik', de: 'Tugrik' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MOP',
      labels: { en: 'Pataca', fr: 'Pataca', de: 'Pataca' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MRU',
      labels: { en: 'Ouguiya', fr: 'Ouguiya', de: 'Ouguiya' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MUR',
      labels: { en: 'Mauritius Rupee', fr: 'Mauritius Rupee', de: 'Mauritius Rupee' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MVR',
      labels: { en: 'Rufiyaa', fr: 'Rufiyaa', de: 'Rufiyaa' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MWK',
      labels: { en: 'Malawi Kwacha', fr: 'Malawi Kwacha', de: 'Malawi Kwacha' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MXN',
      labels: { en: 'Mexican Peso', fr: 'Mexican Peso', de: 'Mexican Peso' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MXV',
      labels: {
        en: 'Mexican Unidad de Inversion (UDI)',
        fr: 'Mexican Unidad de Inversion (UDI)',
        de: 'Mexican Unidad de Inversion (UDI)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MYR',
      labels: { en: 'Malaysian Ringgit', fr: 'Malaysian Ringgit', de: 'Malaysian Ringgit' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'MZN',
      labels: { en: 'Metical', fr: 'Metical', de: 'Metical' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NAD',
      labels: { en: 'Namibia Dollar', fr: 'Namibia Dollar', de: 'Namibia Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NGN',
      labels: { en: 'Naira', fr: 'Naira', de: 'Naira' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NIO',
      labels: { en: 'Cordoba Oro', fr: 'Cordoba Oro', de: 'Cordoba Oro' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NOK',
      labels: { en: 'Norwegian Krone', fr: 'Norwegian Krone', de: 'Norwegian Krone' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NPR',
      labels: { en: 'Nepalese Rupee', fr: 'Nepalese Rupee', de: 'Nepalese Rupee' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'NZD',
      labels: { en: 'New Zealand Dollar', fr: 'New Zealand Dollar', de: 'New Zealand Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'OMR',
      labels: { en: 'Rial Omani', fr: 'Rial Omani', de: 'Rial Omani' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PAB',
      labels: { en: 'Balboa', fr: 'Balboa', de: 'Balboa' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PEN',
      labels: { en: 'Nuevo Sol', fr: 'Nuevo Sol', de: 'Nuevo Sol' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PGK',
      labels: { en: 'Kina', fr: 'Kina', de: 'Kina' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PHP',
      labels: { en: 'Philippine Peso', fr: 'Philippine Peso', de: 'Philippine Peso' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PKR',
      labels: { en: 'Pakistan Rupee', fr: 'Pakistan Rupee', de: 'Pakistan Rupee' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PLN',
      labels: { en: 'Zloty', fr: 'Zloty', de: 'Zloty' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'PYG',
      labels: { en: 'Guarani', fr: 'Guarani', de: 'Guarani' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'QAR',
      labels: { en: 'Qatari Rial', fr: 'Qatari Rial', de: 'Qatari Rial' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RON',
      labels: { en: 'Romanian Leu', fr: 'Romanian Leu', de: 'Romanian Leu' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RSD',
      labels: { en: 'Serbian Dinar', fr: 'Serbian Dinar', de: 'Serbian Dinar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RUB',
      labels: { en: 'Russian Ruble', fr: 'Russian Ruble', de: 'Russian Ruble' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'RWF',
      labels: { en: 'Rwanda Franc', fr: 'Rwanda Franc', de: 'Rwanda Franc' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SAR',
      labels: { en: 'Saudi Riyal', fr: 'Saudi Riyal', de: 'Saudi Riyal' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SBD',
      labels: { en: 'Solomon Islands Dollar', fr: 'Solomon Islands Dollar', de: 'Solomon Islands Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SCR',
      labels: { en: 'Seychelles Rupee', fr: 'Seychelles Rupee', de: 'Seychelles Rupee' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SDG',
      labels: { en: 'Sudanese Pound', fr: 'Sudanese Pound', de: 'Sudanese Pound' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SEK',
      labels: { en: 'Swedish Krona', fr: 'Swedish Krona', de: 'Swedish Krona' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SGD',
      labels: { en: 'Singapore Dollar', fr: 'Singapore Dollar', de: 'Singapore Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SHP',
      labels: { en: 'Saint Helena Pound', fr: 'Saint Helena Pound', de: 'Saint Helena Pound' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SLE',
      labels: { en: 'Leone', fr: 'Leone', de: 'Leone' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SLL',
      labels: { en: 'Leone', fr: 'Leone', de: 'Leone' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SOS',
      labels: { en: 'Somali Shilling', fr: 'Somali Shilling', de: 'Somali Shilling' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SSP',
      labels: { en: 'South Sudanese Pound', fr: 'South Sudanese Pound', de: 'South Sudanese Pound' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SRD',
      labels: { en: 'Surinam Dollar', fr: 'Surinam Dollar', de: 'Surinam Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'STN',
      labels: { en: 'Dobra', fr: 'Dobra', de: 'Dobra' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SVC',
      labels: { en: 'El Salvador Colon', fr: 'El Salvador Colon', de: 'El Salvador Colon' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SYP',
      labels: { en: 'Syrian Pound', fr: 'Syrian Pound', de: 'Syrian Pound' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'SZL',
      labels: { en: 'Lilangeni', fr: 'Lilangeni', de: 'Lilangeni' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'THB',
      labels: { en: 'Baht', fr: 'Baht', de: 'Baht' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TJS',
      labels: { en: 'Somoni', fr: 'Somoni', de: 'Somoni' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TMT',
      labels: { en: 'Manat', fr: 'Manat', de: 'Manat' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TND',
      labels: { en: 'Tunisian Dinar', fr: 'Tunisian Dinar', de: 'Tunisian Dinar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TOP',
      labels: { en: 'Paanga', fr: 'Paanga', de: 'Paanga' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TRY',
      labels: { en: 'Turkish Lira', fr: 'Turkish Lira', de: 'Turkish Lira' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TTD',
      labels: {
        en: 'Trinidad and Tobago Dollar',
        fr: 'Trinidad and Tobago Dollar',
        de: 'Trinidad and Tobago Dollar',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TWD',
      labels: { en: 'New Taiwan Dollar', fr: 'New Taiwan Dollar', de: 'New Taiwan Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'TZS',
      labels: { en: 'Tanzanian Shilling', fr: 'Tanzanian Shilling', de: 'Tanzanian Shilling' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UAH',
      labels: { en: 'Hryvnia', fr: 'Hryvnia', de: 'Hryvnia' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UGX',
      labels: { en: 'Uganda Shilling', fr: 'Uganda Shilling', de: 'Uganda Shilling' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'USD',
      labels: { en: 'US Dollar', fr: 'US Dollar', de: 'US Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'USN',
      labels: { en: 'US Dollar (Next day)', fr: 'US Dollar (Next day)', de: 'US Dollar (Next day)' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UYI',
      labels: {
        en: 'Uruguay Peso en Unidades Indexadas',
        fr: 'Uruguay Peso en Unidades Indexadas',
        de: 'Uruguay Peso en Unidades Indexadas',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UYU',
      labels: { en: 'Peso Uruguayo', fr: 'Peso Uruguayo', de: 'Peso Uruguayo' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'UZS',
      labels: { en: 'Uzbekistan Sum', fr: 'Uzbekistan Sum', de: 'Uzbekistan Sum' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VED',
      labels: { en: 'Bolivar Soberano', fr: 'Bolivar Soberano', de: 'Bolivar Soberano' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VES',
      labels: { en: 'Bolivar Soberano', fr: 'Bolivar Soberano', de: 'Bolivar Soberano' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VND',
      labels: { en: 'Dong', fr: 'Dong', de: 'Dong' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'VUV',
      labels: { en: 'Vatu', fr: 'Vatu', de: 'Vatu' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'WST',
      labels: { en: 'Tala', fr: 'Tala', de: 'Tala' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'XAF',
      labels: { en: 'CFA Franc BEAC', fr: 'CFA Franc BEAC', de: 'CFA Franc BEAC' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'XBT',
      labels: { en: 'Bitcoin', fr: 'Bitcoin', de: 'Bitcoin' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'XCD',
      labels: { en: 'East Caribbean Dollar', fr: 'East Caribbean Dollar', de: 'East Caribbean Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'XDR',
      labels: {
        en: 'International Monetary Fund (IMF) Special Drawing Right (SDR)',
        fr: 'International Monetary Fund (IMF) Special Drawing Right (SDR)',
        de: 'International Monetary Fund (IMF) Special Drawing Right (SDR)',
      },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'XOF',
      labels: { en: 'CFA Franc BCEAO', fr: 'CFA Franc BCEAO', de: 'CFA Franc BCEAO' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'XPF',
      labels: { en: 'CFP Franc', fr: 'CFP Franc', de: 'CFP Franc' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'YER',
      labels: { en: 'Yemeni Rial', fr: 'Yemeni Rial', de: 'Yemeni Rial' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ZAR',
      labels: { en: 'Rand', fr: 'Rand', de: 'Rand' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ZMW',
      labels: { en: 'Zambian Kwacha', fr: 'Zambian Kwacha', de: 'Zambian Kwacha' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
    {
      code: 'ZWL',
      labels: { en: 'Zimbabwe Dollar', fr: 'Zimbabwe Dollar', de: 'Zimbabwe Dollar' },
      meta: { deFallback: 'en', frFallback: 'en' },
    },
  ],
});

export const iatiDocumentCategory = defineCodeList({
  name: 'iati_document_category',
  label: { en: 'IATI document category', fr: 'Catégorie de document IATI', de: 'IATI document category' },
  codes: [
    {
      code: 'A01',
      labels: {
        en: 'Pre- and post-project impact appraisal',
        fr: "Évaluation de l'incidence avant et après le projet",
        de: 'Pre- and post-project impact appraisal',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'A02',
      labels: {
        en: 'Objectives / Purpose of activity',
        fr: "Objectifs/raison d'être de l'activité",
        de: 'Objectives / Purpose of activity',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'A03',
      labels: {
        en: 'Intended ultimate beneficiaries',
        fr: 'Bénéficiaires finaux visés',
        de: 'Intended ultimate beneficiaries',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'A04',
      labels: { en: 'Conditions', fr: 'Conditions', de: 'Conditions' },
      meta: { deFallback: 'en' },
    },
    { code: 'A05', labels: { en: 'Budget', fr: 'Budget', de: 'Budget' }, meta: { deFallback: 'en' } },
    {
      code: 'A06',
      labels: {
        en: 'Summary information about contract',
        fr: 'Renseignements sommaires sur le contrat',
        de: 'Summary information about contract',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'A07',
      labels: {
        en: 'Review of project performance and evaluation',
        fr: 'Examen du rendement du projet et évaluation',
        de: 'Review of project performance and evaluation',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'A08',
      labels: {
        en: 'Results, outcomes and outputs',
        fr: 'Résultats et extrants',
        de: 'Results, outcomes and outputs',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'A09',
      labels: {
        en: 'Memorandum of understanding (If agreed by all parties)',
        fr: "Protocole d'entente (s'il y a entente entre toutes les parties)",
        de: 'Memorandum of understanding (If agreed by all parties)',
      },
      meta: { deFallback: 'en' },
    },
    { code: 'A10', labels: { en: 'Tender', fr: 'Appel d’offres', de: 'Tender' }, meta: { deFallback: 'en' } },
    { code: 'A11', labels: { en: 'Contract', fr: 'Contrat', de: 'Contract' }, meta: { deFallback: 'en' } },
    {
      code: 'A12',
      labels: { en: 'Activity web page', fr: "Page Web sur l'activité", de: 'Activity web page' },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B01',
      labels: { en: 'Annual report', fr: 'Rapport annuel', de: 'Annual report' },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B02',
      labels: {
        en: 'Institutional Strategy paper',
        fr: 'Stratégie organisationnelle',
        de: 'Institutional Strategy paper',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B03',
      labels: { en: 'Country strategy paper', fr: 'Stratégie-pays', de: 'Country strategy paper' },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B04',
      labels: {
        en: 'Aid Allocation Policy',
        fr: "Politique sur la répartition de l'aide",
        de: 'Aid Allocation Policy',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B05',
      labels: {
        en: 'Procurement Policy and Procedure',
        fr: "Politique et procédure d'approvisionnement",
        de: 'Procurement Policy and Procedure',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B06',
      labels: {
        en: 'Institutional Audit Report',
        fr: "Rapport de vérification de l'organisation",
        de: 'Institutional Audit Report',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B07',
      labels: {
        en: 'Country Audit Report',
        fr: 'Rapport de vérification du pays',
        de: 'Country Audit Report',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B08',
      labels: { en: 'Exclusions Policy', fr: 'Politique sur les exclusions', de: 'Exclusions Policy' },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B09',
      labels: {
        en: 'Institutional Evaluation Report',
        fr: "Rapport d'évaluation de l'organisation",
        de: 'Institutional Evaluation Report',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B10',
      labels: {
        en: 'Country Evaluation Report',
        fr: "Rapport d'évaluation nationale",
        de: 'Country Evaluation Report',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B11',
      labels: { en: 'Sector strategy', fr: 'Stratégie sectorielle', de: 'Sector strategy' },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B12',
      labels: { en: 'Thematic strategy', fr: 'Stratégie thématique', de: 'Thematic strategy' },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B13',
      labels: {
        en: 'Country-level Memorandum of Understanding',
        fr: "Protocole d'entente national",
        de: 'Country-level Memorandum of Understanding',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B14',
      labels: { en: 'Evaluations policy', fr: 'Politique sur les évaluations', de: 'Evaluations policy' },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B15',
      labels: {
        en: 'General Terms and Conditions',
        fr: 'Modalités générales',
        de: 'General Terms and Conditions',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B16',
      labels: { en: 'Organisation web page', fr: "Page Web sur l'organisation", de: 'Organisation web page' },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B17',
      labels: {
        en: 'Country/Region web page',
        fr: 'Page Web sur le pays/la région',
        de: 'Country/Region web page',
      },
      meta: { deFallback: 'en' },
    },
    {
      code: 'B18',
      labels: { en: 'Sector web page', fr: 'Page Web sur le secteur', de: 'Sector web page' },
      meta: { deFallback: 'en' },
    },
  ],
});
