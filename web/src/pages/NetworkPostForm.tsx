import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { MarkingFields, type MarkingValue, markingBody, useMarkingRules } from '../components/marking.tsx';
import { ErrorMessage, fieldErrorsOf, TextArea, TextField, useNotice } from '../components/ui.tsx';

/** What a network post form asks and says (message keys), and which fields of the kind it fills. */
export interface NetworkPostSpec {
  /** The registry kind posted (a kind with a network field named `network`). */
  kind: string;
  /** The kind's field for the heading line, e.g. `title` or `topic`. */
  titleField: string;
  labels: { title: string; body: string; submit: string; done: string };
  /** Ask for the marking (distribution and TLP), starting from the network at TLP:AMBER; without it the kind's default applies. */
  withMarking?: boolean;
  bodyRows?: number;
}

/**
 * Posts a record of a kind in this network from the network's page (an announcement, a
 * discussion): published at once, then opened; field errors from the API under their fields.
 */
export function NetworkPostForm({ network, spec }: { network: string; spec: NetworkPostSpec }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [marking, setMarking] = useState<MarkingValue>({
    distribution: 'network',
    sharingGroupId: '',
    tlp: 'amber',
    recipients: [],
    organisationIds: [],
  });
  const rules = useMarkingRules();
  const m = useMutation({
    mutationFn: () =>
      api<{ id: string }>(`/registry/${spec.kind}`, {
        body: {
          data: { [spec.titleField]: title, body, network },
          ...(spec.withMarking ? { marking: markingBody(marking, rules) } : {}),
          publish: true,
        },
      }),
    onSuccess: (r) => {
      notice('success', t(spec.labels.done));
      void qc.invalidateQueries({ queryKey: ['registry'] });
      navigate(`/registry/${spec.kind}/${r.id}`);
    },
  });
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        m.mutate();
      }}
      noValidate
    >
      <TextField
        label={t(spec.labels.title)}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={200}
        error={fe[spec.titleField]}
      />
      <TextArea
        label={t(spec.labels.body)}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        required
        rows={spec.bodyRows ?? 6}
        error={fe.body}
      />
      {spec.withMarking && <MarkingFields value={marking} onChange={setMarking} errors={fe} />}
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t(spec.labels.submit)}
        </button>
      </div>
    </form>
  );
}
