/** Accounts: registration, the password policy, profiles and the first administrator. */
package dev.kaimono.user.account;
