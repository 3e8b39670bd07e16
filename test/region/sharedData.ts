import type { Category } from '../../models/region/vektis';

/** The names the reference data in ../shared/data give the care categories (its README). */
export const SHARED_CATEGORY_NAMES: Record<string, Category> = {
  'Medical specialist care': 'hospital',
  Pharmacy: 'pharmacy',
  'General practice': 'gp',
  'Mental health (GGZ)': 'mentalHealth',
  'Nursing, rehabilitation and short-stay care': 'nursing',
  'Medical devices': 'devices',
  'Paramedical care': 'paramedical',
  'Patient transport': 'transport',
  'Dental care': 'dental',
  'Maternity care': 'maternity',
  'Other Zvw care': 'other',
};
