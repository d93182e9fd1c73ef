import { describe, expect, it } from 'vitest';
import { SharedRecordGate, sharedRecordOf } from '../../../electron/service/sharedRecords';
import { stepsFrom } from '../../../electron/engine/runState';
import { validateShop } from '../../../shared/shop';
import { StepId } from '../../../shared/steps/catalog';

const shop = (() => {
  const result = validateShop({ company: { name: 'Gate Cafe', country: 'Kenya', currency: 'KES' }, pos: { paymentMethods: [{ mode: 'Cash' }] } });
  if (!result.ok) throw new Error('invalid');
  return result.value;
})();

const later = () => {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('records the shops of a site share', () => {
  it('the walk-in customer (by name) and the cashier’s default company; nothing else', () => {
    const steps = stepsFrom([]);
    expect(sharedRecordOf(StepId.Customer, steps, shop)).toBe('the walk-in customer "Walk-in Customer"');
    expect(sharedRecordOf(StepId.PostSetup, steps, shop)).toBeNull();
    steps[StepId.PosSession] = { ...steps[StepId.PosSession], status: 'succeeded', outputs: { cashier: 'anna@shop.example', openingEntry: 'POS-OPE-1' } };
    expect(sharedRecordOf(StepId.PostSetup, steps, shop)).toBe('the default company of anna@shop.example');
    expect(sharedRecordOf(StepId.Company, steps, shop)).toBeNull();
  });

  it('the first shop makes it while the others wait and say so; once made, everyone goes at once', async () => {
    const gate = new SharedRecordGate();
    const said: string[] = [];
    const first = later();
    const order: string[] = [];
    const a = gate.around('the walk-in customer "X"', 'Shop A', new AbortController().signal, () => undefined, () => first.promise.then((v) => (order.push('A'), v)));
    const b = gate.around('the walk-in customer "x"', 'Shop B', new AbortController().signal, (text) => said.push(text), async () => (order.push('B'), 'b'));
    await tick();
    expect(order).toEqual([]);
    expect(said).toEqual(['Waiting for Shop A to make the walk-in customer "x" (shops of this site share it)']);
    first.resolve('a');
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(order).toEqual(['A', 'B']);
    // Made: a third shop does not wait at all, even while another holds nothing.
    let ran = false;
    await gate.around('the walk-in customer "X"', 'Shop C', new AbortController().signal, () => undefined, async () => void (ran = true));
    expect(ran).toBe(true);
  });

  it('when the first one fails, the next waiting shop tries (one at a time)', async () => {
    const gate = new SharedRecordGate();
    const first = later();
    const second = later();
    const started: string[] = [];
    const a = gate.around('r', 'A', new AbortController().signal, () => undefined, () => (started.push('A'), first.promise));
    const b = gate.around('r', 'B', new AbortController().signal, () => undefined, () => (started.push('B'), second.promise));
    const c = gate.around('r', 'C', new AbortController().signal, () => undefined, async () => (started.push('C'), 'c'));
    await tick();
    first.reject(new Error('company failed'));
    await expect(a).rejects.toThrow('company failed');
    await tick();
    expect(started).toEqual(['A', 'B']);
    second.resolve('b');
    expect(await Promise.all([b, c])).toEqual(['b', 'c']);
    expect(started).toEqual(['A', 'B', 'C']);
  });

  it('a paused run stops waiting at once; a step that shares nothing never waits', async () => {
    const gate = new SharedRecordGate();
    const first = later();
    void gate.around('r', 'A', new AbortController().signal, () => undefined, () => first.promise);
    const pause = new AbortController();
    const waiting = gate.around('r', 'B', pause.signal, () => undefined, async () => 'never');
    pause.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    expect(await gate.around(null, 'C', new AbortController().signal, () => undefined, async () => 'own')).toBe('own');
    first.resolve('a');
  });
});
