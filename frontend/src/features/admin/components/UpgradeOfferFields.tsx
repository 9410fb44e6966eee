import { useId } from 'react';

export const UPGRADE_NOTE_MAX = 500;

type Props = {
  recommended: boolean;
  note: string;
  onRecommendedChange: (recommended: boolean) => void;
  onNoteChange: (note: string) => void;
};

/** Whether lifters on older versions are told to upgrade, and the note they read before upgrading. */
export function UpgradeOfferFields({ recommended, note, onRecommendedChange, onNoteChange }: Props) {
  const id = useId();
  return (
    <>
      <label className="choice">
        <input type="checkbox" checked={recommended} onChange={(event) => onRecommendedChange(event.target.checked)} />{' '}
        Recommend this upgrade to lifters on older versions
      </label>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          Note for lifters <span className="muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          className="field__input"
          rows={3}
          maxLength={UPGRADE_NOTE_MAX}
          value={note}
          aria-describedby={`${id}-note-hint`}
          onChange={(event) => onNoteChange(event.target.value)}
        />
        <p className="field__hint" id={`${id}-note-hint`}>
          What changed and why, shown with the upgrade offer ({note.length}/{UPGRADE_NOTE_MAX}).
        </p>
      </div>
    </>
  );
}
