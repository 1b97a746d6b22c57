package org.petitionpipeline.intake.messages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word intake shows a signer that an organizer did not write: the embed widget's (served to it as
 * {@link WidgetMessages}), the no-JavaScript form's, the thank-you, problem and privacy pages'. English here; a
 * translator adds a language with one file, {@code messages/msg_<language>.properties}, and no code (the
 * completeness test names any key a shipped language lacks). Widget keys start with {@code widget}; their
 * parameters stay as {@code {name}} for the script to fill in.
 */
@MessageBundle(value = "msg", locale = "en")
public interface IntakeMessages {

    // ---- the widget ---------------------------------------------------------------------------------------------
    @Message("Signatures toward the goal")
    String widgetProgress();

    @Message("Step {step} of {steps}")
    String widgetStep(String step, String steps);

    @Message("{total} of {goal} signatures")
    String widgetTotalOfGoal(String total, String goal);

    @Message("{total} signatures")
    String widgetTotal(String total);

    @Message("First name")
    String widgetGivenName();

    @Message("Last name")
    String widgetFamilyName();

    @Message("Email")
    String widgetEmail();

    @Message("Postal code")
    String widgetPostalCode();

    @Message("Country")
    String widgetCountry();

    @Message("Comment")
    String widgetComments();

    @Message("(optional)")
    String widgetOptional();

    @Message("Choose your country")
    String widgetChooseCountry();

    @Message("Email me updates about this campaign.")
    String widgetConsentDefault();

    @Message("How we use your data")
    String widgetPrivacy();

    @Message("Leave this empty")
    String widgetHoneypot();

    @Message("Sign the petition")
    String widgetSign();

    @Message("Signing…")
    String widgetSigning();

    @Message("Click here")
    String widgetForget();

    @Message("Welcome back, {name}. You have signed this petition from this browser already: thank you!")
    String widgetWelcomeBackSigned(String name);

    @Message("Welcome back, {name}.")
    String widgetWelcomeBack(String name);

    @Message("Not {name}?")
    String widgetNotYou(String name);

    @Message("Please check the form.")
    String widgetCheckForm();

    @Message("in {seconds} seconds")
    String widgetInSeconds(String seconds);

    @Message("in a minute")
    String widgetInAMinute();

    @Message("Many people are taking part right now and we could not record this yet. Please try again {when}. Nothing was recorded.")
    String widgetBusy(String when);

    @Message("We could not confirm that your signature was recorded. Please sign again {when}: if it was recorded, it still counts only once.")
    String widgetSignatureUnconfirmed(String when);

    @Message("We could not confirm that your report was recorded. Please send it again {when}: if it was recorded, it still counts only once.")
    String widgetReportUnconfirmed(String when);

    @Message("The petition server answered {status}.")
    String widgetServerAnswered(String status);

    @Message("We could not reach the petition server. Check your connection and sign again.")
    String widgetUnreachableSign();

    @Message("We could not reach the petition server. Check your connection and send again.")
    String widgetUnreachableSend();

    @Message("Share")
    String widgetShareStep();

    @Message("Copy link")
    String widgetCopyLink();

    @Message("Link copied.")
    String widgetLinkCopied();

    @Message("Copy this link: {url}")
    String widgetCopyThisLink(String url);

    @Message("Thank you, {name}! Your signature is received.")
    String widgetThanksNamed(String name);

    @Message("Thank you! Your signature is received.")
    String widgetThanks();

    @Message("We will email you a receipt. Now ask your friends to sign too:")
    String widgetAskFriends();

    @Message("I signed: {title}")
    String widgetSharedText(String title);

    @Message("{count} person has called so far.")
    String widgetCalledOne(String count);

    @Message("{count} people have called so far.")
    String widgetCalledMany(String count);

    @Message("Your representative")
    String widgetYourRepresentative();

    @Message("Your representatives")
    String widgetYourRepresentatives();

    @Message("Your {title}")
    String widgetYourTitle(String title);

    @Message("Your {titles}")
    String widgetYourTitles(String titles);

    @Message("Another official")
    String widgetAnotherOfficial();

    @Message("Choose whom you called")
    String widgetChooseWhom();

    @Message("Someone else:")
    String widgetSomeoneElse();

    @Message("Tell us how it went")
    String widgetHowItWent();

    @Message("Who did you call?")
    String widgetWhoDidYouCall();

    @Message("How did it go?")
    String widgetHowDidItGo();

    @Message("Send")
    String widgetSend();

    @Message("Choose how your call went.")
    String widgetChooseOutcome();

    @Message("Choose whom you called.")
    String widgetChooseTarget();

    @Message("Thank you for calling! Your report is counted.")
    String widgetCalled();

    @Message("A call takes two minutes and counts for more than a signature. Say who you are and why you signed.")
    String widgetWhyCall();

    @Message("Call your representative")
    String widgetCallStep();

    @Message("Call on all elected officials ({count} more)")
    String widgetCallOthers(String count);

    @Message("Next: call your representative")
    String widgetNextCall();

    // ---- pages ------------------------------------------------------------------------------------------------
    @Message("Petition")
    String pageTitle();

    @Message("I talked to a staff member")
    String outcomeTalkedToStaff();

    @Message("I left a voicemail")
    String outcomeLeftVoicemail();

    @Message("Nobody answered")
    String outcomeNoAnswer();

    @Message("The line was busy")
    String outcomeLineBusy();

    @Message("Thank you for signing")
    String thanksTitle();

    @Message("Your signature on “{title}” is received.")
    String thanksReceived(String title);

    @Message("We will email you a receipt. If you do not see it within a few minutes, look in your spam folder.")
    String thanksReceipt();

    @Message("Reference: {reference}")
    String thanksReference(String reference);

    @Message("none")
    String thanksNoReference();

    @Message("Thank you for calling")
    String calledTitle();

    @Message("We have noted how your call about “{title}” went. Every call is counted and reported to the organizers.")
    String calledNoted(String title);

    @Message("Your signature was not recorded")
    String problemSignature();

    @Message("Your signature may not have been recorded")
    String problemSignatureMaybe();

    @Message("Your call report was not recorded")
    String problemReport();

    @Message("Your call report may not have been recorded")
    String problemReportMaybe();

    @Message("Please go back, correct the form and sign again.")
    String problemCorrectAndSign();

    @Message("Please go back and sign again.")
    String problemSignAgain();

    @Message("Please go back, correct the form and send it again.")
    String problemCorrectAndSend();

    @Message("Please go back and send it again.")
    String problemSendAgain();

    // ---- what to fix, next to each field ----------------------------------------------------------------------
    @Message("the signature has no person")
    String errorNoPerson();

    @Message("required: given_name, family_name and email_addresses")
    String errorPersonRequired();

    @Message("the signature has {count} invalid field(s)")
    String errorInvalidFields(int count);

    @Message("required")
    String errorRequired();

    @Message("required for this petition")
    String errorRequiredHere();

    @Message("the consent wording changed since this form was shown; reload the page to see the current wording")
    String errorConsentChanged();

    @Message("use letters, spaces, apostrophes and hyphens; no symbols such as < > { } ; = @ / :")
    String errorNameSymbols();

    @Message("a name needs at least one letter")
    String errorNameLetter();

    @Message("an http or https address, e.g. https://news.example/story")
    String errorWebAddress();

    @Message("must not contain line breaks or other control characters")
    String errorControlCharacters();

    @Message("at most {max} characters")
    String errorTooLong(int max);

    @Message("'{address}' is not an email address we can deliver to; check for typos")
    String errorEmail(String address);

    @Message("use a two-letter ISO 3166 country code, e.g. US")
    String errorCountry();

    @Message("a US ZIP code has 5 digits, or 5+4 like 20500-0003")
    String errorPostalCodeUs();

    @Message("a UK postcode looks like SW1A 1AA or M1 1AE")
    String errorPostalCodeGb();

    @Message("a Canadian postal code looks like K1A 0B1")
    String errorPostalCodeCa();

    @Message("a German postal code has 5 digits, like 10117")
    String errorPostalCodeDe();

    @Message("a French postal code has 5 digits, like 75008")
    String errorPostalCodeFr();

    @Message("a postal code has 2 to 10 letters, digits, spaces or hyphens")
    String errorPostalCode();

    // ---- the default privacy notice ---------------------------------------------------------------------------
    @Message("How we use your data")
    String privacyTitle();

    @Message("When you sign, we keep your name, email address, postal code, country and comment, and when and where you signed, so that your signature counts once and can be delivered to the petition's target.")
    String privacyWhatWeKeep();

    @Message("We email you a receipt. We send you updates only if you ticked the box, and we keep the wording you agreed to and when.")
    String privacyReceipt();

    @Message("Every email has an unsubscribe link that works at once, for every petition.")
    String privacyUnsubscribe();

    @Message("If you sign in a form embedded on another site, this browser remembers your name, email address, postal code and country for 30 days, to fill the form in for you; \"Not you?\" forgets them at once.")
    String privacyRemembered();

    @Message("Our message log passes your signature between the parts of this service; it deletes every message on its own within {days} days. A repeated click on \"Sign\" is recognised for {hours} hours.")
    String privacyMessageLog(long days, long hours);

    @Message("Download my data")
    String privacyExportLink();

    @Message("give your email address, and the link we email you shows everything every part of this service holds about you, as a page and as a file.")
    String privacyExport();

    @Message("Erase my data")
    String privacyEraseLink();

    @Message("give your email address, confirm with the link we email you, and within a minute every part of this service forgets your name, address, postal code, comments and browser details. Your signatures still count, without anything that names you, and we never email you again. What stays is a one-way code of your address, so that you are not counted or emailed twice.")
    String privacyErase();

    @Message("This is the pipeline's default notice. Organizations running it publish their own and set INTAKE_EMBED_PRIVACY_URL to it.")
    String privacyDefaultNotice();
}
