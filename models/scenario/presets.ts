import { z } from 'zod';
import { InterventionSchema, SubstitutionSchema } from './schema';

/** A library of intervention and substitution presets that can be added to any scenario. */
export const PresetLibrarySchema = z.strictObject({
  version: z.literal(1),
  title: z.string().max(300),
  note: z.string().max(4000).optional(),
  interventions: z.array(InterventionSchema),
  substitutions: z.array(SubstitutionSchema),
});
export type PresetLibrary = z.output<typeof PresetLibrarySchema>;

export { addPreset } from './addPreset';
