import { administrationIdentity, partId } from './common.ts';
import { stixTime } from './ids.ts';
import { riskInformationIndicatorId, riskInformationReportId } from './risk-information.ts';
import { tlpMarkingId } from './tlp.ts';
import type { FeedbackFacts, RecordMeta, StixObject } from './types.ts';

const OPINION = {
  very_useful: 'strongly-agree',
  useful: 'agree',
  not_useful: 'disagree',
  not_relevant: 'strongly-disagree',
} as const;

/**
 * A recipient administration's feedback on a risk information as STIX: its identity, an `opinion`
 * on the report (usefulness; the comment as `explanation`) and, when the control found something
 * (an irregularity or a seizure), a `sighting` of the indicator where that administration looked.
 * `hasIndicator`: the risk information has an indicator (goods or a route).
 */
export function feedbackToStix(meta: RecordMeta, fb: FeedbackFacts, hasIndicator: boolean): StixObject[] {
  const who = administrationIdentity(fb.organisation);
  const at = stixTime(fb.at);
  const common = {
    spec_version: '2.1',
    created: at,
    modified: at,
    created_by_ref: who.id,
    object_marking_refs: [tlpMarkingId(meta.tlp)],
  };
  const out: StixObject[] = [
    who,
    {
      type: 'opinion',
      id: partId('opinion', meta.id, `feedback/${fb.organisation.id}`),
      ...common,
      lang: meta.language,
      opinion: OPINION[fb.usefulness],
      ...(fb.comment ? { explanation: fb.comment } : {}),
      authors: [fb.organisation.name],
      object_refs: [riskInformationReportId(meta.id)],
      labels: [`control:${fb.controlPerformed ? (fb.result ?? 'performed') : 'not_performed'}`],
    },
  ];
  if (hasIndicator && (fb.result === 'irregularity_found' || fb.result === 'seizure'))
    out.push({
      type: 'sighting',
      id: partId('sighting', meta.id, `feedback/${fb.organisation.id}`),
      ...common,
      sighting_of_ref: riskInformationIndicatorId(meta.id),
      where_sighted_refs: [who.id],
      count: 1,
      description: fb.result === 'seizure' ? 'Control result: seizure' : 'Control result: irregularity found',
    });
  return out;
}
