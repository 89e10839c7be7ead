import { useSyncExternalStore } from 'react';
import { session } from '../api/session';

/** The session as React state: re-renders on sign-in, refresh and sign-out. */
export function useSession() {
  return useSyncExternalStore(session.subscribe, () => session.state);
}
