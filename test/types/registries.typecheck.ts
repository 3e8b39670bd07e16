/**
 * Type-level checks, run by `npm run typecheck` (not by vitest): the registries of contract kinds,
 * care lines, parties and distribution kinds are complete by construction. Each `@ts-expect-error` below must find an
 * error, or the type check fails: a registry that accepted a missing entry would let a kind, line
 * or party added to its list type-check and then settle no money for it.
 */
import type { FinancingModel } from '../../models/scenario/contracts';
import type { Line, Party } from '../../models/core/names';
import { KINDS } from '../../models/finance/kinds';
import type { KindRegistry, RegistryOf } from '../../models/finance/kinds/kind';
import { LINE_FACTS, type LineTable } from '../../models/core/lines';
import { PARTY_FACTS, type PartyTable } from '../../models/core/parties';
import { DIST_FACTS, type DistKind, type DistTable } from '../../models/scenario/distributions';

// The registries as they are: complete.
export const kinds: KindRegistry = KINDS;
export const lines: LineTable<Line> = LINE_FACTS;
export const parties: PartyTable<Party> = PARTY_FACTS;
export const dists: DistTable<DistKind> = DIST_FACTS;

// A contract kind added to the schema's union without an implementation.
type WithCapitation = FinancingModel | { id: string; name: string; kind: 'capitation'; perInsured: number };
// @ts-expect-error: 'capitation' has no implementation in KINDS
export const kindsWithCapitation: RegistryOf<WithCapitation> = KINDS;

// A registry that drops an implemented kind.
const { custom: _custom, ...withoutCustom } = KINDS;
// @ts-expect-error: 'custom' is in the union but not in the registry
export const kindsWithoutCustom: KindRegistry = withoutCustom;

// A care line added to LINES without its table entry.
// @ts-expect-error: 'dental' has no entry in LINE_FACTS
export const linesWithDental: LineTable<Line | 'dental'> = LINE_FACTS;

// A party added to PARTIES without its table entry.
// @ts-expect-error: 'pharmacyChain' has no entry in PARTY_FACTS
export const partiesWithChain: PartyTable<Party | 'pharmacyChain'> = PARTY_FACTS;

// A distribution kind added to DIST_KINDS without its table entry.
// @ts-expect-error: 'weibull' has no entry in DIST_FACTS
export const distsWithWeibull: DistTable<DistKind | 'weibull'> = DIST_FACTS;

// A table that drops a kind of the file format.
const { gamma: _gamma, ...withoutGamma } = DIST_FACTS;
// @ts-expect-error: 'gamma' is a kind of the file format but not in the table
export const distsWithoutGamma: DistTable<DistKind> = withoutGamma;
