import { useLocation, useNavigate } from 'react-router-dom';
import { readFlash } from '@/lib/flash';

/** Shows the message a navigation carried (see lib/flash), until dismissed or the next navigation. */
export function FlashNotice() {
  const location = useLocation();
  const navigate = useNavigate();
  const flash = readFlash(location.state);
  if (!flash) return null;

  const dismiss = () =>
    navigate(
      { pathname: location.pathname, search: location.search, hash: location.hash },
      { replace: true, state: null },
    );
  return (
    <div className={`flash flash--${flash.tone}`} role={flash.tone === 'warning' ? 'alert' : 'status'}>
      <p>{flash.message}</p>
      <button
        type="button"
        className="button button--ghost flash__dismiss"
        onClick={dismiss}
        aria-label="Dismiss message"
      >
        ✕
      </button>
    </div>
  );
}
