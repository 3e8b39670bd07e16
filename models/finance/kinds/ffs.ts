import type { ContractKind, ContractOf } from './kind';

/** Fee-for-service: the insurer pays the providers' claims, nothing more. */
export const ffs: ContractKind<ContractOf<'ffs'>> = {
  paysFeeForService: true,
  register() {},
  settler: () => ({ year() {} }),
};
