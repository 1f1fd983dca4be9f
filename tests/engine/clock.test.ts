import { describe, expect, it } from "vitest";
import { createClock } from "sandbox-engine";

const START = Date.UTC(2026, 0, 1);

/** One real macrotask: lets the job queue drain (what the clock's idle detection waits for). */
const realTick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("virtual clock", () => {
  it("starts at the given time and never moves by itself", async () => {
    const clock = createClock(START);
    await realTick();
    expect(clock.now()).toBe(START);
  });

  it("fires timers in due-time order, ties in creation order", async () => {
    // given timers created out of order, two of them due at the same time
    const clock = createClock(START);
    const fired: string[] = [];
    clock.setTimer(() => fired.push("c@30"), 30);
    clock.setTimer(() => fired.push("a@10"), 10);
    clock.setTimer(() => fired.push("b1@20"), 20);
    clock.setTimer(() => fired.push("b2@20"), 20);
    // when time moves past all of them
    await clock.advance(100);
    // then they fire by due time, then creation order
    expect(fired).toEqual(["a@10", "b1@20", "b2@20", "c@30"]);
  });

  it("sets now() to each timer's due time while it fires, and to start + ms at the end", async () => {
    const clock = createClock(START);
    const seen: number[] = [];
    clock.setTimer(() => seen.push(clock.now() - START), 250);
    clock.setTimer(() => seen.push(clock.now() - START), 700);
    await clock.advance(1000);
    expect(seen).toEqual([250, 700]);
    expect(clock.now()).toBe(START + 1000);
  });

  it("fires a timer due exactly at the end of the advance, but not one due after", async () => {
    const clock = createClock(START);
    const fired: number[] = [];
    clock.setTimer(() => fired.push(1), 1000);
    clock.setTimer(() => fired.push(2), 1001);
    await clock.advance(1000);
    expect(fired).toEqual([1]);
    expect(clock.pendingTimers()).toBe(1);
  });

  it("runs timers scheduled by timers within the same advance", async () => {
    // given a timer that schedules another 10 ms later
    const clock = createClock(START);
    const fired: number[] = [];
    clock.setTimer(() => {
      fired.push(clock.now() - START);
      clock.setTimer(() => fired.push(clock.now() - START), 10);
    }, 5);
    // when
    await clock.advance(20);
    // then both ran, at their own times
    expect(fired).toEqual([5, 15]);
  });

  it("does not fire cleared timers", async () => {
    const clock = createClock(START);
    const fired: string[] = [];
    const id = clock.setTimer(() => fired.push("cleared"), 10);
    clock.setTimer(() => fired.push("kept"), 10);
    clock.clearTimer(id);
    await clock.advance(10);
    expect(fired).toEqual(["kept"]);
  });

  it("awaits the async work a timer callback starts before firing the next timer", async () => {
    // given an async callback that takes several microtask hops
    const clock = createClock(START);
    const log: string[] = [];
    clock.setTimer(async () => {
      log.push("first:start");
      for (let i = 0; i < 5; i++) await Promise.resolve();
      log.push("first:end");
    }, 10);
    clock.setTimer(() => log.push("second"), 10);
    // when
    await clock.advance(10);
    // then the first finished before the second started
    expect(log).toEqual(["first:start", "first:end", "second"]);
  });

  it("rejects advance() with the error a timer threw, after running the others", async () => {
    const clock = createClock(START);
    const fired: number[] = [];
    clock.setTimer(() => {
      throw new Error("boom");
    }, 1);
    clock.setTimer(() => fired.push(2), 2);
    await expect(clock.advance(5)).rejects.toThrow("boom");
    expect(fired).toEqual([2]);
  });

  it("runAll() fires everything, including timers scheduled meanwhile", async () => {
    const clock = createClock(START);
    let count = 0;
    const tick = () => {
      count += 1;
      if (count < 5) clock.setTimer(tick, 1000);
    };
    clock.setTimer(tick, 1000);
    await clock.runAll();
    expect(count).toBe(5);
    expect(clock.now()).toBe(START + 5000);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("stops an endless chain of timers with a clear error", async () => {
    // given a timer that always schedules another
    const clock = createClock(START, { loopLimit: 50 });
    const again = () => {
      clock.setTimer(again, 1);
    };
    clock.setTimer(again, 1);
    // when / then
    await expect(clock.runAll()).rejects.toThrow(
      "ran 50 timers without reaching the end: assuming an endless loop of timers (a timer that keeps scheduling another?)",
    );
  });

  it("uses a loop limit of 10,000 timers by default", async () => {
    const clock = createClock(START);
    const again = () => {
      clock.setTimer(again, 1);
    };
    clock.setTimer(again, 1);
    await expect(clock.runAll()).rejects.toThrow(/^ran 10000 timers without reaching the end/);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("refuses to advance by %s ms", async (ms) => {
    const clock = createClock(START);
    await expect(clock.advance(ms)).rejects.toThrow(/finite number >= 0/);
    expect(() => clock.setTimer(() => {}, ms)).toThrow(/finite number >= 0/);
    await expect(clock.sleep(ms)).rejects.toThrow(/finite number >= 0/);
  });

  it("refuses a second advance while the first is still running", async () => {
    const clock = createClock(START);
    const first = clock.advance(10);
    await expect(clock.advance(10)).rejects.toThrow(/while another advance\(\) or runAll\(\) is still running/);
    await first;
  });

  describe("auto-advance (no-deadlock rule)", () => {
    it("wakes a sleep that nobody advances the clock for", async () => {
      // given learner code awaiting a 5 s sleep, and no test calling advance()
      const clock = createClock(START);
      // when it awaits
      await clock.sleep(5000);
      // then the clock moved exactly to the end of the sleep
      expect(clock.now()).toBe(START + 5000);
    });

    it("fires earlier plain timers on the way, in order", async () => {
      const clock = createClock(START);
      const fired: number[] = [];
      clock.setTimer(() => fired.push(clock.now() - START), 1000);
      clock.setTimer(() => fired.push(clock.now() - START), 9000);
      await clock.sleep(3000);
      expect(fired).toEqual([1000]);
      expect(clock.now()).toBe(START + 3000);
    });

    it("handles sequential sleeps in a loop", async () => {
      const clock = createClock(START);
      for (let i = 0; i < 20; i++) await clock.sleep(100);
      expect(clock.now()).toBe(START + 2000);
    });

    it("never moves the clock for plain timers without a waiter", async () => {
      // given a pending timer (like a visibility timeout) and nobody waiting on time
      const clock = createClock(START);
      let fired = false;
      clock.setTimer(() => {
        fired = true;
      }, 30_000);
      // when real macrotasks pass
      for (let i = 0; i < 5; i++) await realTick();
      // then virtual time stood still
      expect(fired).toBe(false);
      expect(clock.now()).toBe(START);
    });

    it("lets an explicit advance win over the sleep's own deadline", async () => {
      // given a sleep of 10 s that is not awaited yet
      const clock = createClock(START);
      let woke = false;
      const sleeping = clock.sleep(10_000).then(() => {
        woke = true;
      });
      // when the test advances 4 s explicitly
      await clock.advance(4000);
      // then the sleep is still pending and time is exactly where the test put it
      expect(woke).toBe(false);
      expect(clock.now()).toBe(START + 4000);
      // and awaiting it later auto-advances the rest of the way
      await sleeping;
      expect(clock.now()).toBe(START + 10_000);
    });

    it("lets an explicit advance in between the steps of a long auto-advance", async () => {
      // given a loop of 50 sleeps that auto-advance moves along, one step after another
      const clock = createClock(START);
      const woke: number[] = [];
      const loop = (async () => {
        for (let i = 0; i < 50; i++) {
          await clock.sleep(1000);
          woke.push(clock.now() - START);
        }
      })();
      await realTick();
      // when the test advances the clock while the loop is under way
      await clock.advance(250);
      // then it got its turn after a step, not after the whole loop
      expect(woke.length).toBeLessThan(50);
      expect((clock.now() - START) % 1000).toBe(250);
      // and the loop still ends, each sleep waking a full second after the one before it
      await loop;
      expect(woke).toEqual(Array.from({ length: 50 }, (_, i) => (i + 1) * 1000));
    });

    it("can be woken early by the engine", async () => {
      const clock = createClock(START);
      const waiter = clock.waitUntil(START + 20_000);
      waiter.wake();
      await expect(waiter.done).resolves.toBe("woken");
      expect(clock.now()).toBe(START);
      expect(clock.pendingTimers()).toBe(0);
      expect(clock.pendingWaiters()).toBe(0);
    });

    it("gives up on endless waiting with the loop-limit error instead of spinning", async () => {
      // given a poll loop that waits forever
      const clock = createClock(START, { loopLimit: 100 });
      const loop = async () => {
        for (;;) await clock.sleep(1000);
      };
      // when / then
      await expect(loop()).rejects.toThrow(/^ran 100 timers without reaching the end/);
    });
  });
});

describe("autoAdvance: false (a clock another driver moves, e.g. in real time)", () => {
  it("given a pending sleep, when nothing advances the clock, then it stays pending until advance() gets there", async () => {
    const clock = createClock(0, { autoAdvance: false });
    let woke = false;
    void clock.sleep(1_000).then(() => (woke = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woke, "no auto-advance: the sleep waits for the driver").toBe(false);
    await clock.advance(1_000);
    expect(woke).toBe(true);
  });
});
