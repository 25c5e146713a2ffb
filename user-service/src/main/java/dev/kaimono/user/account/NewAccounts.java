package dev.kaimono.user.account;

/** Adding an account, part of {@link Accounts}. */
interface NewAccounts {

    /**
     * Stores a new account at once, not at commit, so that a taken email (in any letter case) is refused
     * here, before anything else the transaction would write.
     *
     * @throws EmailAlreadyRegisteredException when another account has the email
     */
    void add(Account account);
}
