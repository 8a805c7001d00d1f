import { useId } from 'react';

/** A file input with its label and a hint that describes it (aria-describedby). */
export function FileField(props: {
  label: string;
  hint: string;
  accept: string;
  onChange: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <p className="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <input
        id={id}
        type="file"
        accept={props.accept}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}
