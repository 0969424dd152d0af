/**
 * A `Store` for tests that need only a few of its methods: the given ones are used,
 * any other rejects naming itself. It keeps such tests compiling, and honest, as the
 * interface grows.
 */
import type { Store } from "./store.ts";

export function stubStore(methods: Partial<Store>): Store {
  return new Proxy(methods, {
    get(target, prop, receiver) {
      if (Reflect.has(target, prop)) return Reflect.get(target, prop, receiver);
      if (prop === "then") return undefined; // not a thenable, so it can be returned from async functions
      return () => Promise.reject(new Error(`stub store: ${String(prop)} is not implemented by this test`));
    },
  }) as Store;
}
