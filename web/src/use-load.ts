import { useCallback, useEffect, useState } from "react";

/** Loads `fn` when `key` changes; `reload` fetches again (after a write). */
export function useLoad<T>(fn: () => Promise<T>, key: string): { data: T | undefined; error: string | undefined; reload: () => void } {
  const [state, setState] = useState<{ key: string; data?: T; error?: string }>({ key: "" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    fn().then(
      (data) => live && setState({ key, data }),
      (e: unknown) => live && setState({ key, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.key === key ? state.data : undefined, error: state.key === key ? state.error : undefined, reload };
}
