/** The record types the pool looks up: addresses only. Its own file: the wire format and its errors both name it. */
export type RecordType = 'A' | 'AAAA';
