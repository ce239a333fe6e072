/**
 * The token is still good: its grant is live, its connector not deleted, and its refresh-token family not
 * revoked (a replay or a regenerated token stops the access tokens minted from that family at once). Folded
 * into each platform read's own statement; the arguments are the statement's parameter numbers.
 */
export const liveSql = (grantParam: string, familyParam: string) => `SELECT 1 FROM grants gr JOIN connectors c ON c.id = gr.connector_id
    WHERE gr.id = ${grantParam}::uuid AND gr.revoked_at IS NULL AND c.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM refresh_tokens rt WHERE rt.family_id = ${familyParam}::uuid AND rt.revoked_at IS NULL)`;
