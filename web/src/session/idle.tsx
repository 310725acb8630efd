// BuurtWerkKamer laptops are shared: after 15 minutes without a key press, click or touch the app
// signs out, with a warning a minute before that can be dismissed by simply carrying on.
import { useEffect, useRef, useState } from 'react';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { t } from '../text';
import { signOut } from './session';

export const IDLE_LIMIT_MS = 15 * 60_000;
export const IDLE_WARNING_MS = 14 * 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

export function IdleSignOut() {
  const lastActivity = useRef(Date.now());
  const [warning, setWarning] = useState(false);

  useEffect(() => {
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= IDLE_LIMIT_MS) {
        window.clearInterval(timer);
        void signOut('idle');
      } else {
        setWarning(idle >= IDLE_WARNING_MS);
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, []);

  if (!warning) return null;
  return (
    <div className="ss-idle-warning" role="alert">
      <Paragraph>{t.idle.warning}</Paragraph>
      <Button appearance="primary-action-button" onClick={() => { lastActivity.current = Date.now(); setWarning(false); }}>
        {t.idle.stay}
      </Button>
    </div>
  );
}
