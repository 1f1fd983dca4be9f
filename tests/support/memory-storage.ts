/** An in-memory Storage, optionally refusing writes like a full or private-mode localStorage. */
export function memoryStorage(options: { refuseWrites?: boolean } = {}): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (options.refuseWrites) throw new DOMException("quota exceeded", "QuotaExceededError");
      items.set(key, String(value));
    },
  };
}
