package org.petitionpipeline.email.mail;

import io.quarkus.mailer.Mail;

/** Messages the size and shape of a receipt (text and HTML, ~3.6 KB), each told apart by its subject. */
final class ReceiptLikeMail {

    private static final String TEXT = "Thank you for signing. ".repeat(50);
    private static final String HTML = "<p>" + "Thank you for <b>signing</b>. ".repeat(70) + "</p>";

    private ReceiptLikeMail() {
    }

    /** One of 100 recipients, as a store that grows with its addresses would slow every server down. */
    static Mail numbered(String run, int number) {
        return Mail.withText("signer" + number % 100 + "@example.org", subject(run, number), TEXT).setHtml(HTML);
    }

    static String subject(String run, int number) {
        return run + " #" + number;
    }
}
