import type { Contract } from '@/utils/messages/contract';
import type { HistoryMessages } from '@/utils/messages/history-messages';
import type { SettingsMessages } from '@/utils/messages/settings-messages';

/**
 * How the dashboard's parts ask the background: the history and settings-file messages and the DNS status. In its
 * own file so the parts and DashboardSection, which hands it to them, do not import each other.
 */
export type DashboardCall = <T extends keyof HistoryMessages | keyof SettingsMessages | 'dns.status'>(type: T, request: Contract[T]['request']) => Promise<Contract[T]['response']>;
