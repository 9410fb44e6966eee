/** "Saved" next to a form's button, announced politely; the region always exists so the change is read out. */
export function SavedNote({ saved }: { saved: boolean }) {
  return (
    <p className="saved-note" role="status">
      {saved ? '✓ Saved' : ''}
    </p>
  );
}
