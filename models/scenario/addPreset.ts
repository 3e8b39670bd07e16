import type { Intervention, ScenarioInput, Substitution } from './schema';

// No runtime import of the schema: the page adds presets without loading the validator.
const uniqueId = (id: string, taken: Set<string>) => {
  let out = id;
  for (let k = 2; taken.has(out); k++) out = `${id}-${k}`;
  return out;
};

/**
 * Adds a preset to a scenario: target segments the scenario does not have are dropped (if none
 * remain, the preset targets all segments), and the id is made unique.
 */
export function addPreset(s: ScenarioInput, preset: { kind: 'intervention'; item: Intervention } | { kind: 'substitution'; item: Substitution }): ScenarioInput {
  const out = structuredClone(s);
  const segIds = new Set(out.region.segments.map((g) => g.id));
  const segments = preset.item.segments.filter((id) => segIds.has(id));
  if (preset.kind === 'intervention') {
    const list = (out.interventions ??= []);
    list.push({ ...structuredClone(preset.item), segments, id: uniqueId(preset.item.id, new Set(list.map((x) => x.id))) });
  } else {
    const list = (out.substitution ??= []);
    list.push({ ...structuredClone(preset.item), segments, id: uniqueId(preset.item.id, new Set(list.map((x) => x.id))) });
  }
  return out;
}
