/**
 * `RF-000001`, `RET-000001`: numbers people quote, counted by a sequence (no lock; a rolled-back
 * command leaves a gap, which these series allow), numbered in the statement that inserts the row:
 * `WITH ${n.with} INSERT … SELECT ${n.number}, … FROM next_number`. A larger number is written in
 * full, never cut. (core's document-number helpers are growing one series catalog for every
 * document; these two join it there.)
 */
export function sequenceNumberSql(prefix: 'RF' | 'RET', sequence: 'refund_number_seq' | 'return_number_seq'): { with: string; number: string } {
  return {
    with: `next_number AS (SELECT nextval('${sequence}') AS last)`,
    number: `'${prefix}-' || lpad(next_number.last::text, greatest(6, length(next_number.last::text)), '0')`,
  };
}
