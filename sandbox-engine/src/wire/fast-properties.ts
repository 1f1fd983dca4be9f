/**
 * Turns an object back into one with fast properties, in place. The SDK builds each client's resolved config by
 * `Object.assign`-ing some 47 keys onto one object, and V8 keeps an object that grew that way in dictionary mode
 * (a hash table). The SDK then copies that object three times per request (`{ ...config, ...context }` in its
 * serializer, deserializer and endpoint middleware): about 9 us a copy from a dictionary, 1 us from a fast object,
 * a third of an in-memory call. No client option avoids it, so the sandbox's clients do this once at construction.
 *
 * How: V8 gives an object fast properties when it becomes the prototype of an object it instantiates (the
 * optimisation behind every class's prototype). The object, its properties, accessors and identity are unchanged.
 */
export function withFastProperties<T extends object>(value: T): T {
  function Instance(): void {}
  Instance.prototype = value;
  // One instantiation is what makes V8 optimise the prototype; the instance itself is thrown away.
  void new (Instance as unknown as new () => object)();
  return value;
}
