/**
 * A one-off message carried in the router's location state, e.g. "The admin area is for administrators only"
 * after a redirect. `navigate(to, { state: flashState('…') })` or `<Navigate to state={flashState('…')} />`;
 * the app layout shows it on the page it leads to.
 */
export type FlashTone = 'info' | 'success' | 'warning';
export type Flash = { message: string; tone: FlashTone };
export type FlashState = { flash: Flash };

export function flashState(message: string, tone: FlashTone = 'info'): FlashState {
  return { flash: { message, tone } };
}

export function readFlash(state: unknown): Flash | null {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return null;
  const { flash } = state as { flash: unknown };
  if (typeof flash !== 'object' || flash === null) return null;
  const { message, tone } = flash as { message?: unknown; tone?: unknown };
  if (typeof message !== 'string') return null;
  return { message, tone: tone === 'success' || tone === 'warning' ? tone : 'info' };
}
