/** Where the keys list puts its header count ("N expiring soon"), beside the project. */
export const HEADER_COUNT_SLOT = 'header-count-slot';
