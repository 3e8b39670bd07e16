/** The runs an analysis simulates: the scenario's own (read from the unvalidated run input), at most `most`. */
export const runsOf = (input: unknown, most: number): number => Math.min(most, Number((input as { simulation?: { runs?: number } })?.simulation?.runs ?? most));
