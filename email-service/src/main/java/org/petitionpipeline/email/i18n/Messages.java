package org.petitionpipeline.email.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Every word email-service's mails and pages show, by key. The wording is in {@code messages/msg_<language>.properties}
 * only, English included: a translator adds a language with one file and no code, and a test
 * ({@code MessagesCompletenessTest}) checks each shipped file has every key. Templates use them as
 * {@code {msg:receipt_thanks(title)}}, in the language of the template instance's locale; Java code through
 * {@link InterfaceLanguages#messages(String)}.
 */
@MessageBundle(locale = InterfaceLanguages.DEFAULT)
public interface Messages {

    // Every page
    @Message String page_title();
    @Message String page_try_again_title();
    @Message String page_link_expired_title();
    @Message String page_link_invalid_title();
    @Message String page_email_label();
    @Message String page_email_me();
    @Message String page_too_many();
    @Message String page_not_an_address();

    // Every mail to a signer
    @Message String mail_greeting(String name);
    @Message String mail_greeting_anyone();
    @Message String mail_subscribed();
    @Message String mail_unsubscribe();
    @Message String mail_download();
    @Message String mail_delete();

    // Receipt
    @Message String receipt_subject(String title);
    @Message String receipt_thanks(String title);
    @Message String receipt_share();

    // Confirmation request (double opt-in) and its reminders
    @Message String confirmation_subject(String title);
    @Message String confirmation_reminder_subject(String title);
    @Message String confirmation_thanks(String title);
    @Message String confirmation_not_yet(String title);
    @Message String confirmation_why();
    @Message String confirmation_button();
    @Message String confirmation_not_you();

    // The frame of an organizer's update (the update itself is the organizer's)
    @Message String update_why();

    // The erasure link mail
    @Message String erasure_mail_subject();
    @Message String erasure_mail_asked();
    @Message String erasure_mail_if_you();
    @Message String erasure_mail_link();
    @Message String erasure_mail_not_you();

    // The access link mail
    @Message String access_mail_subject();
    @Message String access_mail_asked();
    @Message String access_mail_if_you();
    @Message String access_mail_link();
    @Message String access_mail_not_you();

    // Unsubscribe pages
    @Message String unsubscribe_title();
    @Message String unsubscribe_heading();
    @Message String unsubscribe_explain();
    @Message String unsubscribe_button();
    @Message String unsubscribe_done_title();
    @Message String unsubscribe_done_heading();
    @Message String unsubscribe_done_explain();
    @Message String unsubscribe_expired_heading();
    @Message String unsubscribe_expired_explain();
    @Message String unsubscribe_invalid_heading();
    @Message String unsubscribe_invalid_explain();
    @Message String unsubscribe_unavailable_heading();
    @Message String unsubscribe_unavailable_explain();

    // Confirmation pages
    @Message String confirm_title();
    @Message String confirm_heading();
    @Message String confirm_explain();
    @Message String confirm_button();
    @Message String confirm_done_title();
    @Message String confirm_done_heading();
    @Message String confirm_done_explain();
    @Message String confirm_expired_heading();
    @Message String confirm_expired_explain();
    @Message String confirm_invalid_heading();
    @Message String confirm_invalid_explain();
    @Message String confirm_unavailable_heading();
    @Message String confirm_unavailable_explain();

    // Erasure pages
    @Message String erase_title();
    @Message String erase_heading();
    @Message String erase_explain();
    @Message String erase_sent_title();
    @Message String erase_sent_heading();
    @Message String erase_sent_explain();
    @Message String erase_confirm_heading();
    @Message String erase_confirm_explain();
    @Message String erase_button();
    @Message String erase_done_title();
    @Message String erase_done_heading();
    @Message String erase_done_explain();
    @Message String erase_expired_heading();
    @Message String erase_expired_explain();
    @Message String erase_invalid_heading();
    @Message String erase_invalid_explain();
    @Message String erase_ask_again();
    @Message String erase_unavailable_heading();
    @Message String erase_unavailable_explain();

    // Access (download my data) pages
    @Message String access_title();
    @Message String access_heading();
    @Message String access_explain();
    @Message String access_sent_title();
    @Message String access_sent_heading();
    @Message String access_sent_explain();
    @Message String access_pending_title();
    @Message String access_pending_heading();
    @Message String access_pending_explain();
    @Message String access_pending_waiting(String services);
    @Message String access_export_title();
    @Message String access_export_heading();
    @Message String access_export_explain(Instant requestedAt, LocalDate deletedOn);
    @Message String access_export_download();
    @Message String access_export_nothing();
    @Message String access_expired_heading();
    @Message String access_expired_explain();
    @Message String access_invalid_heading();
    @Message String access_invalid_explain();
    @Message String access_ask_again();
    @Message String access_unavailable_heading();
    @Message String access_unavailable_explain();
}
