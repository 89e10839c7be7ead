/** Usernames: 2 to 64 letters, digits, dots, dashes, underscores or @ (an e-mail address fits). */
export const USERNAME = /^[A-Za-z0-9._@-]{2,64}$/;
export const USERNAME_RULE = '2 to 64 letters, digits, dots, dashes, underscores or @';
