import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { csrfToken, httpClient, rememberCsrfToken } from './http';
import { can, homePath } from './roles';
import type { SessionUser } from './types';

interface SessionResponse {
    user: SessionUser;
    csrfToken?: string;
}

// The signed-in user, known after login or after asking /api/auth/me once.
let currentUser: SessionUser | null = null;
let pendingMe: Promise<SessionUser | null> | null = null;

const fetchMe = async (): Promise<SessionUser | null> => {
    try {
        const { json } = await httpClient('/api/auth/me');
        const session = json as SessionResponse;
        rememberCsrfToken(session.csrfToken);
        return session.user ?? null;
    } catch (error) {
        if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
            return null;
        }
        throw error;
    }
};

/** The signed-in user, or null when there is no session. */
export const getSessionUser = (): Promise<SessionUser | null> => {
    if (currentUser) return Promise.resolve(currentUser);
    if (!pendingMe) {
        pendingMe = fetchMe()
            .then((user) => {
                currentUser = user;
                return user;
            })
            .finally(() => {
                pendingMe = null;
            });
    }
    return pendingMe;
};

const forget = () => {
    currentUser = null;
    rememberCsrfToken(undefined);
};

export const authProvider: AuthProvider = {
    async login({ username, password }: { username: string; password: string }) {
        const { json } = await httpClient('/api/auth/login', {
            method: 'POST',
            body: JSON.stringify({ username, password }),
        });
        const session = json as SessionResponse;
        currentUser = session.user;
        rememberCsrfToken(session.csrfToken);
        return { redirectTo: homePath(session.user?.role) };
    },

    async logout() {
        const hadSession = currentUser !== null || csrfToken() !== undefined;
        forget();
        if (hadSession) {
            try {
                await httpClient('/api/auth/logout', { method: 'POST' });
            } catch {
                // the session is gone either way
            }
        }
        rememberCsrfToken(undefined);
    },

    async checkAuth() {
        const user = await getSessionUser();
        if (!user) {
            // no session yet: go to the sign-in page without an error notice
            throw { message: false };
        }
    },

    async checkError(error: { status?: number }) {
        if (error?.status === 401) {
            // react-admin then calls logout(), which forgets the user
            throw { message: 'ra.notification.logged_out' };
        }
        // 403 and others: the notification shows the API's message; stay signed in
    },

    async getIdentity(): Promise<UserIdentity> {
        const user = await getSessionUser();
        if (!user) throw new Error('ra.auth.auth_check_error');
        return {
            id: user.id,
            fullName: user.displayName,
            username: user.username,
            role: user.role,
            townshipId: user.townshipId,
            villageId: user.villageId,
            personId: user.personId,
        };
    },

    async getPermissions() {
        const user = await getSessionUser();
        return user?.role ?? null;
    },

    async canAccess({ action, resource }) {
        const user = await getSessionUser();
        return can(user?.role, resource, action);
    },
};
