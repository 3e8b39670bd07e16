import { z } from 'zod';
import { ScenarioSchema, SCENARIO_VERSION } from '../models/scenario/schema';

/** The JSON Schema of the scenario file format (what a file may contain, before defaults). */
export function jsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', reused: 'ref' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://proeftuin.invalid/scenario.v${SCENARIO_VERSION}.schema.json`,
    title: 'Proeftuin scenario',
    description: `Scenario file format version ${SCENARIO_VERSION}. Generated from models/scenario/schema.ts; do not edit by hand.`,
  };
}
