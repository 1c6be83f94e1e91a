/**
 * Dispatches `event` on `target` and returns false when a listener cancelled it. Elements fire through this
 * plain function so the manifest analyzer lists only their documented `@fires` (it would otherwise record
 * each `this.dispatchEvent(variable)` as an event named after the variable).
 */
export function fire(target: EventTarget, event: Event): boolean {
  return target.dispatchEvent(event);
}
