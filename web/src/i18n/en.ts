import type { Messages } from './uk';

export const en: Messages = {
  app: { name: 'Pakt', tagline: 'Memoranda, obligations and assistance programmes', skipToContent: 'Skip to content' },
  nav: { home: 'Home', organisations: 'Organisations', myOrganisation: 'My organisation', signOut: 'Sign out', language: 'Language', mainMenu: 'Main menu' },
  roles: { admin: 'Administrator', coordinator: 'Coordinator', council: 'Council officer', funder: 'Funder' },
  orgTypes: { ngo: 'NGO', council: 'City council', funder: 'Funder', government: 'Government body', other: 'Other' },
  common: {
    loading: 'Loading…', retry: 'Try again', save: 'Save', cancel: 'Cancel', edit: 'Edit', create: 'Create',
    close: 'Close', loadMore: 'Show more', saving: 'Saving…', required: 'required', back: 'Back', actions: 'Actions',
    errorTitle: 'Could not load', notFound: 'Page not found', notFoundHint: 'The link may be out of date, or you may not have access.',
    goHome: 'Go to home', fixFields: 'Please correct the marked fields.',
  },
  errors: {
    network: 'Cannot reach the server. Check your connection and try again.',
    stale_version: 'Someone changed this record while you were editing. We loaded the latest version: check it and save again.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'The record was not found or is not available to you.',
    already_exists: 'This record already exists.',
    unknown: 'Something went wrong. Please try again.',
    signInFailed: 'Sign-in failed. Please try again.',
  },
  home: {
    greeting: 'Welcome, {name}!', roleIn: '{role} · {organisation}', noProfile: 'Your profile has not been created yet.',
    organisationsCard: 'Partner organisations', organisationsHint: 'NGOs, city councils, funders and other memorandum partners.',
    myOrganisationHint: 'Your organisation’s details and contacts.', open: 'Open',
    usersCard: 'Users of your organisation', usersHint: 'Invite colleagues, assign roles, disable access.',
  },
  organisations: {
    title: 'Organisations', new: 'New organisation', empty: 'No organisations yet.', emptyHint: 'Add the first partner organisation.',
    name: 'Name', nameUk: 'Name in Ukrainian', nameEn: 'Name in English', type: 'Type', registrationCode: 'Registration code (EDRPOU)',
    contacts: 'Contacts', email: 'Email', phone: 'Phone', address: 'Address', website: 'Website', updated: 'Updated',
    created: 'Organisation “{name}” created.', saved: 'Changes saved.', editTitle: 'Edit organisation', createTitle: 'New organisation',
    details: 'Details', noContacts: 'No contacts given.', version: 'Version {version}',
  },
  users: {
    title: 'Users', invite: 'Invite user', inviteTitle: 'Invite a user', empty: 'This organisation has no users yet.',
    name: 'Full name', position: 'Position', email: 'Email', role: 'Role', status: 'Status',
    statuses: { active: 'Active', disabled: 'Disabled' }, disable: 'Disable', enable: 'Enable',
    invited: 'Invitation sent to {email}.', disabled: 'The user’s access is disabled.', enabled: 'The user’s access is restored.',
    inviteHint: 'They will receive an email with a temporary password.',
  },
  auth: { signingIn: 'Signing in…', redirecting: 'Taking you to the sign-in page…' },
  validation: {
    minLength: 'At least {n} characters.', maxLength: 'At most {n} characters.', email: 'Enter an email address.',
    phone: 'Enter a phone number, e.g. +380 44 123 4567.', website: 'Enter a web address starting with https://',
    registrationCode: '4 to 32 letters, digits or dashes (e.g. EDRPOU code).', option: 'Choose a value from the list.', required: 'Fill in this field.',
  },
};
