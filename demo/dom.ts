/** The element with `id`, checked to be of `type`: the demo pages' markup and scripts must agree. */
export function byId<T extends Element>(id: string, type: abstract new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`demo: #${id} is missing or not a ${type.name}`);
  return element;
}
