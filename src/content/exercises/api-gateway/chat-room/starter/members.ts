// The chat room's members by connection id: a stand-in for a DynamoDB table. Read-only.

export interface Member {
  connectionId: string;
  name: string;
}

const table = new Map<string, Member>();

export const members = {
  put(member: Member): void {
    table.set(member.connectionId, member);
  },
  get: (connectionId: string): Member | undefined => table.get(connectionId),
  delete(connectionId: string): void {
    table.delete(connectionId);
  },
  all: (): Member[] => [...table.values()],
  reset(): void {
    table.clear();
  },
};
