import { z } from 'zod';

/**
 * Financing models and parties (model.md §4–5). The engine only reserves the place; the financing
 * stage defines the models. Until then any object is kept as it is so files stay round-trippable.
 */
export const FinancingSchema = z.looseObject({}).describe('Parties and financing models to compare (see the financing stage).');
export type Financing = z.output<typeof FinancingSchema>;
