import { Button } from '@/components/Button';
import { formatClock, type useRestTimer } from './use-rest-timer';

type RestTimerProps = { timer: ReturnType<typeof useRestTimer> };

/** The rest countdown, docked at the bottom of the screen within thumb reach. */
export function RestTimer({ timer }: RestTimerProps) {
  return (
    <>
      {/* Always rendered, so screen readers pick up its changes: the start and the end of each rest. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {timer.announcement}
      </p>
      {timer.isActive && (
        <section className={`rest-timer${timer.isOver ? ' rest-timer--over' : ''}`} aria-label="Rest timer">
          <div className="rest-timer__readout">
            <span className="rest-timer__label">{timer.isOver ? 'Rest over' : 'Rest'}</span>
            <span className="rest-timer__time" role="timer" aria-live="off">
              {timer.isOver ? `+${formatClock(timer.displayMs)}` : formatClock(timer.displayMs)}
            </span>
          </div>
          <div className="rest-timer__actions">
            {!timer.isOver && (
              <Button variant="secondary" onClick={() => timer.addTime(-15_000)} aria-label="15 seconds less">
                −15 s
              </Button>
            )}
            <Button variant="secondary" onClick={() => timer.addTime(15_000)} aria-label="15 seconds more">
              +15 s
            </Button>
            <Button
              variant="secondary"
              onClick={timer.restart}
              aria-label="Restart the rest timer"
              title="Restart the rest timer"
            >
              <span aria-hidden="true">↺</span>
            </Button>
            <Button variant="ghost" onClick={timer.dismiss} aria-label="Dismiss the rest timer">
              <span aria-hidden="true">✕</span>
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
