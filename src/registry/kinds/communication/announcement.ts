import { defineKind } from '../../definition.ts';

/**
 * A network announcement: posted in one network by its experts and coordinators, published at
 * once (no four-eyes step), read by whom its distribution and marking allow; the network's
 * members (and those of the network it is distributed to) are notified. Retracted with a reason.
 */
export const announcement = defineKind({
  name: 'announcement',
  label: 'Announcement',
  labelPlural: 'Announcements',
  area: 'communication',
  network: 'communication',
  networkField: 'network',
  fields: {
    title: { type: 'text', label: 'Title', required: true, minLength: 3, maxLength: 200 },
    body: { type: 'text', label: 'Text', required: true, minLength: 1, multiline: true, maxLength: 20_000 },
    network: { type: 'network', label: 'Network', required: true },
  },
  example: (token) => ({
    title: `Announcement ${token}`,
    body: 'An announcement written for a test.',
    network: 'risk-management',
  }),
  titleField: 'title',
  importKey: [],
  searchable: ['title', 'body'],
  listColumns: ['title', 'network'],
  filters: ['network'],
  access: { distribution: 'network', tlp: 'amber', createdBy: { network: true } },
  workflow: { fourEyes: false, publishAtCreation: true },
  views: [{ type: 'list', label: 'Announcements' }],
});
