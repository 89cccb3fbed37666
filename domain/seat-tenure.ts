// Until when a village cadre holds a seat. A 两委 member serves until the next election seats a
// successor (村委会组织法: 每届委员会的任期届满后，由新一届委员会接替), not until the nominal end of
// the term written on the seat: an election held late leaves the sitting cadre in office. So a
// seat whose term_end has passed still counts as held while no later seat for the same village
// and post has started. Read where recruitment asks whether a post is current (报考时的现任职务);
// other processes keep reading term_end as written.

export interface SeatTerm {
  termStart: string; // 'YYYY-MM-DD'
  termEnd: string;
  /**
   * The first day of a later seat for the same village, committee and title (the successor's
   * term); null or absent while no successor is recorded.
   */
  successorStartsOn?: string | null;
}

/**
 * The last day the seat is held, as seen on `asOf`: its term_end while that has not passed;
 * after it, `asOf` itself while no successor has started (the cadre is still in office), else
 * the term_end as written: once a successor is recorded the records say when service ended,
 * and a gap before a successor's term stays a gap.
 */
export function seatHeldUntil(seat: SeatTerm, asOf: string): string {
  if (seat.termEnd >= asOf) return seat.termEnd;
  const successor = seat.successorStartsOn ?? null;
  return successor === null || successor > asOf ? asOf : seat.termEnd;
}

/** Whether the seat is held on the day. */
export function seatHeldOn(seat: SeatTerm, asOf: string): boolean {
  return seat.termStart <= asOf && seatHeldUntil(seat, asOf) >= asOf;
}

/**
 * The seats with each one's successor found among the seats themselves as well: a person's own
 * later seat for the same committee and title (a re-election, or a return after a gap) is the
 * later seat that ends the earlier one, as another villager's would be.
 */
export function withOwnSuccessors<S extends SeatTerm & { committee: string; title: string }>(seats: readonly S[]): S[] {
  return seats.map((seat) => {
    let successor = seat.successorStartsOn ?? null;
    for (const later of seats) {
      const isLater =
        later.committee === seat.committee &&
        later.title === seat.title &&
        later.termStart > seat.termStart &&
        later.termEnd > seat.termEnd;
      if (isLater && (successor === null || later.termStart < successor)) successor = later.termStart;
    }
    return { ...seat, successorStartsOn: successor };
  });
}
